package dev.maml.server.mcp;

import dev.maml.report.Json;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.node.ObjectNode;

/** Tool results as MCP wants them: the JSON as {@code structuredContent}, and a short text for clients that read only text. */
final class ToolResults {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private ToolResults() {
    }

    static CallToolResult ok(ObjectNode structured, String text) {
        return CallToolResult.builder().structuredContent(map(structured)).addTextContent(text).isError(false).build();
    }

    /** A tool error: the message, and no structured content (it would not match the output schema). */
    static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    /** A tool error that still carries its JSON (a failed run's result says which step failed and what it found). */
    static CallToolResult error(String message, ObjectNode structured) {
        return CallToolResult.builder().structuredContent(map(structured)).addTextContent(message).isError(true).build();
    }

    /** Plain maps and lists: what the SDK's mapper and its output-schema validator read without surprises. */
    static Map<String, Object> map(ObjectNode node) {
        return Json.MAPPER.convertValue(node, MAP);
    }
}
