package dev.maml.server.mcp.workflows;

import dev.maml.io.InputFiles;
import dev.maml.run.Identity;
import dev.maml.run.Permissions;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A listed workflow's document as an MCP resource ({@code file://} URI, {@code text/markdown}).
 * Serving a document is reading it, so the reader must be admitted by {@code permissions.read} or
 * {@code permissions.write} (write implies read, spec 5): a document one may execute is not
 * necessarily one one may read. The file is read when the resource is, so the text is current.
 */
final class WorkflowResource {

    static final String MIME_TYPE = "text/markdown";

    private WorkflowResource() {
    }

    static SyncResourceSpecification of(Workflow workflow, Identity fallback) {
        McpSchema.Resource resource = McpSchema.Resource.builder()
                .uri(workflow.uri())
                .name(workflow.file().getFileName().toString())
                .title(workflow.name())
                .description(workflow.tool().description())
                .mimeType(MIME_TYPE)
                .build();
        return new SyncResourceSpecification(resource, (exchange, request) -> {
            Identity who = WorkflowCall.caller(exchange == null ? null : exchange.transportContext(), fallback);
            if (!Permissions.mayRead(workflow.document(), who)) {
                throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                        .message("permission denied: " + who + " may not read " + workflow.file().getFileName()
                                + " (not in permissions.read or permissions.write)")
                        .build();
            }
            String text;
            try {
                text = new String(InputFiles.read(workflow.file()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
                        .message(workflow.file().getFileName() + ": cannot be read: " + e.getMessage()).build();
            }
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(workflow.uri(), MIME_TYPE,
                    text)));
        });
    }
}
