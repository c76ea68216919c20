package dev.maml.schema;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The MAML front-matter JSON Schema bundled with the parser (also published as
 * docs/schema/maml-front-matter.schema.json). The linter validates against it, and the key lists
 * the rules need (known keys, required keys) are read from it, so the schema stays the one source.
 */
public final class FrontMatterSchema {

    public static final String RESOURCE = "/dev/maml/schema/maml-front-matter.schema.json";

    private static final JsonNode JSON = SchemaValidator.readResource(RESOURCE);
    private static final SchemaValidator VALIDATOR = SchemaValidator.compile(JSON);
    private static final List<String> KNOWN_KEYS = List.copyOf(JSON.get("properties").propertyNames());
    private static final List<String> REQUIRED_KEYS = strings(JSON.get("required"));
    private static final List<String> DOCUMENT_TYPES = enumOf(JSON.get("properties").get("type"));

    private FrontMatterSchema() {
    }

    /** The schema itself (for hover and completion: titles, descriptions, examples). */
    public static JsonNode json() {
        return JSON.deepCopy();
    }

    public static SchemaValidator validator() {
        return VALIDATOR;
    }

    /** Every top-level key the format defines, in the schema's order. */
    public static List<String> knownKeys() {
        return KNOWN_KEYS;
    }

    /** The keys every document must have, in the schema's order. */
    public static List<String> requiredKeys() {
        return REQUIRED_KEYS;
    }

    /** The known values of {@code type}: its {@code anyOf}'s {@code enum} (any other string is allowed too). */
    public static List<String> documentTypes() {
        return DOCUMENT_TYPES;
    }

    private static List<String> enumOf(JsonNode property) {
        for (JsonNode alternative : property.get("anyOf")) {
            if (alternative.has("enum")) {
                return strings(alternative.get("enum"));
            }
        }
        throw new IllegalStateException("the bundled schema lists no known document types");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return List.copyOf(out);
    }
}
