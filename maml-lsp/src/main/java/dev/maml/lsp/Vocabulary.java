package dev.maml.lsp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The words of the format the editor helps with (spec sections 4, 6 and 7), with what they mean. */
public final class Vocabulary {

    /** Sections in the recommended order (spec section 4), with their meaning for hover and completion. */
    public static final Map<String, String> SECTIONS = sections();

    public static final List<String> HISTORY_VERBS = List.of("CREATE", "UPDATE", "VALIDATE", "VERIFY", "SIGN",
            "EXECUTE", "RECEIPT", "WRAP", "TICKET");

    /** Fence languages: the runtime's first, then the ones documents commonly show. */
    public static final List<String> FENCE_LANGUAGES = List.of("python", "bash", "sh", "json", "yaml", "text",
            "javascript", "typescript", "sql", "toml", "markdown");

    /** JSON Schema (draft 2020-12) keywords offered inside Input_Schema / Output_Schema. */
    public static final List<String> JSON_SCHEMA_KEYWORDS = List.of("$schema", "$id", "$ref", "$defs", "$comment",
            "type", "properties", "required", "additionalProperties", "items", "prefixItems", "enum", "const",
            "default", "description", "title", "examples", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "format", "minItems", "maxItems",
            "uniqueItems", "contains", "minProperties", "maxProperties", "patternProperties", "propertyNames",
            "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentRequired", "dependentSchemas",
            "readOnly", "writeOnly", "deprecated");

    public static final List<String> SCHEMA_SECTIONS = List.of("Input_Schema", "Output_Schema");

    private Vocabulary() {
    }

    private static Map<String, String> sections() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Intent", "Required. Non-empty prose: what the document is for.");
        m.put("Context", "Recommended. Prose and/or `key: value` lines; the lines outside fences form the "
                + "context map, available to a run as parameters.");
        m.put("Content", "Optional. Free data.");
        m.put("Code_Blocks", "Optional. Fenced code blocks, each with a language tag. `python`, `bash` and `sh` "
                + "run in the sandbox when asked (`maml run --exec-code-blocks`); other languages are documentation.");
        m.put("Input_Schema", "Optional. Exactly one JSON object (bare or in a ```json fence) that is a valid "
                + "JSON Schema (draft 2020-12); a run's inputs are validated against it, its defaults applied.");
        m.put("Output_Schema", "Optional. Exactly one JSON Schema the result of a run must satisfy.");
        m.put("History", "Optional. An append-only log: `- <ISO-8601 timestamp>: [VERB] text`, one entry per line, "
                + "timestamps non-decreasing.");
        m.put("Verification", "Legacy. A fenced YAML block; prefer the `verification` front-matter key.");
        return java.util.Collections.unmodifiableMap(m);
    }
}
