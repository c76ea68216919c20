package dev.maml.server.mcp;

import dev.maml.report.Json;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * The tools' names, descriptions and JSON schemas, kept in {@code tools.json} beside this class:
 * the schemas are data a client reads, so they are written as JSON, not assembled in code.
 */
final class ToolCatalog {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Map<String, McpSchema.Tool> tools = new LinkedHashMap<>();

    private ToolCatalog(JsonNode root) {
        for (JsonNode t : root.get("tools")) {
            tools.put(t.get("name").asString(), McpSchema.Tool.builder()
                    .name(t.get("name").asString())
                    .title(t.get("title").asString())
                    .description(t.get("description").asString())
                    .inputSchema(Json.MAPPER.convertValue(t.get("inputSchema"), MAP))
                    .outputSchema(Json.MAPPER.convertValue(t.get("outputSchema"), MAP))
                    .build());
        }
    }

    static ToolCatalog load() {
        try (InputStream in = ToolCatalog.class.getResourceAsStream("tools.json")) {
            if (in == null) {
                throw new IllegalStateException("tools.json is missing from the jar");
            }
            return new ToolCatalog(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tool called {@code name}; an unknown name is a bug in this package. */
    McpSchema.Tool tool(String name) {
        McpSchema.Tool tool = tools.get(name);
        if (tool == null) {
            throw new IllegalArgumentException("no tool " + name + " in tools.json");
        }
        return tool;
    }
}
