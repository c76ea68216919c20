package dev.maml.server.mcp.workflows;

import dev.maml.model.MamlDocument;
import dev.maml.model.SchemaBlock;
import dev.maml.report.Json;
import dev.maml.run.Parameters;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A workflow's Input_Schema and Output_Schema as the tool's {@code inputSchema} and
 * {@code outputSchema}. MCP requires both to be object schemas ({@code "type": "object"}, which
 * clients such as the TypeScript SDK check when they list tools); each is the section's schema,
 * adjusted only where the run would otherwise contradict it:
 * <ul>
 * <li>input: a property the document supplies itself (an Input_Schema {@code default}, a Context
 * line) is dropped from {@code required}, because the run merges the arguments over those values
 * ({@link Parameters#merge}) and a client that checks arguments first must not insist on them;</li>
 * <li>output: the run checks Output_Schema before it writes the receipt, so the fields the receipt
 * step adds ({@code receipt}, {@code receipt_signed}) are declared when the schema closes its
 * properties ({@code additionalProperties} or {@code unevaluatedProperties} other than true).</li>
 * </ul>
 */
final class ToolSchemas {

    /** What the run's result gains after its Output_Schema check, with their JSON types. */
    private static final List<Map.Entry<String, String>> ADDED_AFTER_CHECK = List.of(Map.entry("receipt", "string"),
            Map.entry("receipt_signed", "boolean"));
    private static final Set<String> CLOSING = Set.of("additionalProperties", "unevaluatedProperties");

    private ToolSchemas() {
    }

    /** The section is there but is no object schema; the message says which and why it matters. */
    static final class NotAnObject extends Exception {

        NotAnObject(String message) {
            super(message);
        }
    }

    static ObjectNode input(MamlDocument doc) throws NotAnObject {
        JsonNode section = section(doc, "Input_Schema");
        if (section == null) {
            return Json.object().put("type", "object");
        }
        ObjectNode schema = objectSchema(section, "Input_Schema", "the tool's arguments");
        if (schema.get("required") instanceof ArrayNode required) {
            Collection<String> supplied = Parameters.merge(section, doc, null, Map.of()).propertyNames();
            ArrayNode kept = required.arrayNode();
            required.forEach(name -> {
                if (!name.isString() || !supplied.contains(name.stringValue())) {
                    kept.add(name);
                }
            });
            if (kept.isEmpty()) {
                schema.remove("required");
            } else {
                schema.set("required", kept);
            }
        }
        return schema;
    }

    static ObjectNode output(MamlDocument doc) throws NotAnObject {
        JsonNode section = section(doc, "Output_Schema");
        if (section == null) {
            return Json.object().put("type", "object");
        }
        ObjectNode schema = objectSchema(section, "Output_Schema", "a run's result");
        boolean closed = CLOSING.stream().anyMatch(k -> schema.has(k) && !schema.get(k).equals(schema.booleanNode(true)));
        if (closed) {
            ObjectNode properties = schema.get("properties") instanceof ObjectNode p ? p : schema.putObject("properties");
            ADDED_AFTER_CHECK.forEach(field -> {
                if (!properties.has(field.getKey())) {
                    properties.putObject(field.getKey()).put("type", field.getValue());
                }
            });
        }
        return schema;
    }

    /** A copy of the schema with {@code "type": "object"}, or why it cannot have it. */
    private static ObjectNode objectSchema(JsonNode section, String name, String what) throws NotAnObject {
        if (!(section instanceof ObjectNode object)) {
            throw new NotAnObject(name + " is not a JSON object");
        }
        ObjectNode schema = object.deepCopy();
        JsonNode type = schema.get("type");
        boolean admitsObject = type == null || type.isString() && type.stringValue().equals("object")
                || type.isArray() && type.valueStream().anyMatch(t -> t.isString() && t.stringValue().equals("object"));
        if (!admitsObject) {
            throw new NotAnObject(name + " has type " + type + ", but " + what + " is always a JSON object and MCP"
                    + " requires an object schema");
        }
        schema.put("type", "object");
        return schema;
    }

    /** The first schema given in the section, or null when there is none. */
    private static @Nullable JsonNode section(MamlDocument doc, String name) throws NotAnObject {
        for (SchemaBlock block : doc.schemas()) {
            if (block.section().equals(name)) {
                try {
                    return Json.MAPPER.readTree(block.json());
                } catch (JacksonException e) {
                    throw new NotAnObject(name + " is not JSON: " + e.getOriginalMessage());
                }
            }
        }
        return null;
    }
}
