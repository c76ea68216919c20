package dev.maml.server.mcp.workflows;

import dev.maml.io.InputFiles;
import dev.maml.model.MamlDocument;
import dev.maml.run.Identity;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlScalar;
import dev.maml.yaml.YamlSequence;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
            if (!readableBy(workflow.document(), who)) {
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

    /** Whether {@code who} appears, literally or through its scheme's wildcard, under permissions.read or .write. */
    static boolean readableBy(MamlDocument doc, Identity who) {
        Optional<YamlMapping> permissions = doc.optionalFrontMatter().flatMap(f -> f.mapping())
                .flatMap(m -> m.get("permissions")).filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast);
        return permissions.isPresent() && Stream.of("read", "write")
                .flatMap(kind -> permissions.get().get(kind).stream())
                .filter(YamlSequence.class::isInstance)
                .flatMap(list -> ((YamlSequence) list).items().stream())
                .filter(YamlScalar.class::isInstance)
                .flatMap(item -> Identity.parse(((YamlScalar) item).value()).stream())
                .anyMatch(entry -> entry.admits(who));
    }
}
