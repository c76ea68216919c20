package dev.maml.schema;

import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlNode;
import dev.maml.yaml.YamlScalar;
import dev.maml.yaml.YamlSequence;
import java.math.BigInteger;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bridges the front matter's YAML tree (which knows where each node was written) and JSON Schema
 * validation (which speaks Jackson trees and JSON pointers): {@link #toJson} converts, and
 * {@link #locate} maps a violation's instance pointer back to the YAML node, so findings land on
 * the exact text. The YAML reader has already bounded alias expansion, so the conversion is bounded.
 */
public final class YamlJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Where a pointer leads: the node, and the mapping key it is the value of (null for the root or an item). */
    public record Located(YamlNode node, YamlScalar key) {
    }

    private YamlJson() {
    }

    /** The JSON value of a YAML node; scalars by their core-schema type, duplicate keys: the first wins (as lookups do). */
    public static JsonNode toJson(YamlNode node) {
        if (node instanceof YamlMapping m) {
            ObjectNode object = NODES.objectNode();
            for (YamlEntry e : m.entries()) {
                if (!object.has(e.key().value())) {
                    object.set(e.key().value(), toJson(e.value()));
                }
            }
            return object;
        }
        if (node instanceof YamlSequence s) {
            ArrayNode array = NODES.arrayNode();
            s.items().forEach(item -> array.add(toJson(item)));
            return array;
        }
        return scalar((YamlScalar) node);
    }

    /** The node a JSON pointer (RFC 6901, as in {@link SchemaViolation#pointer()}) names, if it exists. */
    public static Optional<Located> locate(YamlNode root, String pointer) {
        if (pointer.isEmpty()) {
            return Optional.of(new Located(root, null));
        }
        if (!pointer.startsWith("/")) {
            return Optional.empty();
        }
        YamlNode node = root;
        YamlScalar key = null;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (node instanceof YamlMapping m) {
                Optional<YamlEntry> entry = m.entry(token);
                if (entry.isEmpty()) {
                    return Optional.empty();
                }
                key = entry.get().key();
                node = entry.get().value();
            } else if (node instanceof YamlSequence s && token.matches("0|[1-9][0-9]{0,8}")
                    && Integer.parseInt(token) < s.items().size()) {
                key = null;
                node = s.items().get(Integer.parseInt(token));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new Located(node, key));
    }

    private static JsonNode scalar(YamlScalar s) {
        String v = s.value();
        return switch (s.type()) {
            case NULL -> NODES.nullNode();
            case BOOLEAN -> NODES.booleanNode(v.equalsIgnoreCase("true"));
            case INTEGER -> NODES.numberNode(integer(v));
            case FLOAT -> NODES.numberNode(floating(v));
            case STRING -> NODES.stringNode(v);
        };
    }

    private static BigInteger integer(String v) {
        if (v.startsWith("0x")) {
            return new BigInteger(v.substring(2), 16);
        }
        if (v.startsWith("0o")) {
            return new BigInteger(v.substring(2), 8);
        }
        return new BigInteger(v.startsWith("+") ? v.substring(1) : v);
    }

    private static double floating(String v) {
        String lower = v.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".nan")) {
            return Double.NaN;
        }
        if (lower.endsWith(".inf")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(v);
    }
}
