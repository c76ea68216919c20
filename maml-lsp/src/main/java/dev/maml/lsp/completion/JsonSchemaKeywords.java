package dev.maml.lsp.completion;

import java.util.List;

/**
 * The keywords of JSON Schema draft 2020-12, offered inside Input_Schema / Output_Schema. They are
 * JSON Schema's words, not MAML's: the format's own (sections, History verbs, fence languages,
 * types, keys) are maml-core's {@link dev.maml.vocabulary.Vocabulary}, which the linter reads too.
 */
final class JsonSchemaKeywords {

    static final List<String> ALL = List.of("$schema", "$id", "$ref", "$defs", "$comment",
            "type", "properties", "required", "additionalProperties", "items", "prefixItems", "enum", "const",
            "default", "description", "title", "examples", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "format", "minItems", "maxItems",
            "uniqueItems", "contains", "minProperties", "maxProperties", "patternProperties", "propertyNames",
            "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentRequired", "dependentSchemas",
            "readOnly", "writeOnly", "deprecated");

    private JsonSchemaKeywords() {
    }
}
