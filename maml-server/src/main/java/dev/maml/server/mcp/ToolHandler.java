package dev.maml.server.mcp;

import dev.maml.sign.SigningException;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.util.Map;

/** One tool's work; what it throws becomes an {@code isError} result ({@link ToolSet}). */
@FunctionalInterface
interface ToolHandler {

    CallToolResult call(Map<String, Object> args, McpSyncServerExchange exchange)
            throws ToolException, IOException, SigningException;
}
