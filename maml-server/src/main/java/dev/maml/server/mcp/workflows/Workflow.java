package dev.maml.server.mcp.workflows;

import dev.maml.model.MamlDocument;
import dev.maml.run.Identity;
import dev.maml.run.Permissions;
import dev.maml.schema.SchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;

/**
 * A document that passed every check that does not depend on who asks (readable, lint, trusted
 * signature, object schemas): its tool and what a call and the permission checks need.
 *
 * @param document     the document as read when the directory was scanned (for permissions and the resource)
 * @param outputSchema the advertised outputSchema, compiled: a call checks its result against it
 */
record Workflow(Path file, MamlDocument document, McpSchema.Tool tool, SchemaValidator outputSchema) {

    String name() {
        return tool.name();
    }

    String uri() {
        return file.toUri().toString();
    }

    boolean executableBy(Identity who) {
        return Permissions.denyExecute(document, who) == null;
    }
}
