package dev.maml.run;

import dev.maml.model.ContextEntry;
import dev.maml.model.MamlDocument;
import dev.maml.report.Json;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parameters of a run, merged from weakest to strongest: Input_Schema defaults, the Context
 * section's `key: value` lines, the `--input` JSON object, then each `--set key=value` (spec 10, step 3).
 * A Context value or a --set value that is a JSON literal (16, true, [1,2]) counts as that value,
 * anything else as a string, so `--set qkd_bits=256` is the integer 256.
 */
public final class Parameters {

    private Parameters() {
    }

    public static ObjectNode merge(@Nullable JsonNode inputSchema, MamlDocument doc, @Nullable ObjectNode input,
                                   Map<String, String> sets) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        merged.setAll(defaults(inputSchema));
        for (ContextEntry entry : doc.context()) {
            merged.set(entry.key(), literal(entry.value()));
        }
        if (input != null) {
            merged.setAll(input);
        }
        sets.forEach((key, value) -> merged.set(key, literal(value)));
        return merged;
    }

    /** The `default` of each top-level property of an object schema. */
    static ObjectNode defaults(@Nullable JsonNode schema) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        JsonNode properties = schema == null ? null : schema.get("properties");
        if (properties != null && properties.isObject()) {
            for (Map.Entry<String, JsonNode> p : properties.properties()) {
                JsonNode value = p.getValue().get("default");
                if (value != null) {
                    out.set(p.getKey(), value.deepCopy());
                }
            }
        }
        return out;
    }

    /** A JSON literal when the text is one, otherwise the text as a string. */
    static JsonNode literal(String text) {
        String t = text.strip();
        if (!t.isEmpty() && !looksLikeBareWord(t)) {
            try {
                return Json.MAPPER.readTree(t);
            } catch (JacksonException e) {
                // not JSON: a plain string
            }
        }
        return JsonNodeFactory.instance.stringNode(text);
    }

    /** Jackson would read "1.0.0" or "sqlite:///x" partially; only whole literals count. */
    private static boolean looksLikeBareWord(String t) {
        char c = t.charAt(0);
        boolean startsLikeJson = c == '{' || c == '[' || c == '"' || c == '-' || Character.isDigit(c)
                || List.of("true", "false", "null").contains(t);
        return !startsLikeJson;
    }

    /** Splits `key=value`; the key must be non-empty. */
    public static Map.Entry<String, String> parseSet(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--set takes key=value, got '" + assignment + "'");
        }
        return Map.entry(assignment.substring(0, eq), assignment.substring(eq + 1));
    }
}
