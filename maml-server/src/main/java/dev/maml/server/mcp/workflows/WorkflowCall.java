package dev.maml.server.mcp.workflows;

import dev.maml.report.Json;
import dev.maml.run.Identity;
import dev.maml.run.Pipeline;
import dev.maml.run.RunRequest;
import dev.maml.run.RunResult;
import dev.maml.schema.SchemaViolation;
import dev.maml.server.receipts.RunOutputs;
import dev.maml.toolchain.Session;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calling a workflow tool: the document runs through the run pipeline as `maml run` would, as the
 * caller (the identity the transport context carries, else the identity the list was made for),
 * with the tool arguments as its input and the server's trust, signature policy, key and receipt
 * directory or store ({@link RunOutputs}). Nothing decided when the list was made is trusted here:
 * the pipeline lints, verifies and checks the caller's permission again on the file as it is now, so
 * a document edited since, or a caller the document does not admit, ends as {@code isError} with the
 * pipeline's message.
 * <p>
 * A run that failed or was refused is {@code isError} with the message and the run's result JSON as
 * text, and no {@code structuredContent}: a failed run's result seldom matches the tool's
 * outputSchema, and clients (the TypeScript SDK among them) check structured content even on
 * errors. A successful run's result is {@code structuredContent} once it satisfies the advertised
 * outputSchema, which is checked here as clients will check it.
 */
final class WorkflowCall {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Path directory;
    private final Session session;
    private final @Nullable Path key;
    private final RunOutputs outputs;
    private final Pipeline pipeline;

    WorkflowCall(Path directory, Session session, @Nullable Path key, RunOutputs outputs, Pipeline pipeline) {
        this.directory = directory;
        this.session = session;
        this.key = key;
        this.outputs = outputs;
        this.pipeline = pipeline;
    }

    /** The caller: the identity the transport put in the context (HTTP), else {@code fallback} (stdio's --as). */
    static Identity caller(@Nullable McpTransportContext context, Identity fallback) {
        Object who = context == null ? null : context.get(WorkflowCatalog.IDENTITY_KEY);
        return who instanceof Identity identity ? identity : fallback;
    }

    CallToolResult call(Workflow workflow, Identity fallback, McpSyncServerExchange exchange, CallToolRequest request) {
        Identity who = caller(exchange == null ? null : exchange.transportContext(), fallback);
        ObjectNode input = request.arguments() == null ? Json.object() : Json.MAPPER.valueToTree(request.arguments());
        RunRequest.Builder run = RunRequest.builder(workflow.file()).identity(who).input(input)
                .trust(session.trust()).signaturePolicy(session.signaturePolicy())
                .root(directory);
        outputs.applyTo(run);
        if (key != null) {
            run.key(key);
        }
        RunResult ran = pipeline.run(run.build());
        ObjectNode result = RunOutputs.answer(ran);
        if (!ran.ok()) {
            return error(workflow.name() + ": " + ran.message(), result);
        }
        List<SchemaViolation> violations = workflow.outputSchema().validate(result);
        if (!violations.isEmpty()) {
            return error(workflow.name() + ": the result does not match the tool's outputSchema: " + violations.stream()
                    .map(v -> v.displayPointer() + ": " + v.message()).collect(Collectors.joining("; ")), result);
        }
        return CallToolResult.builder()
                .structuredContent(Json.MAPPER.convertValue(result, MAP))
                .addTextContent(workflow.name() + ": ok, run " + result.path("run_id").asString()
                        + ", receipt " + result.path("receipt").asString())
                .addTextContent(Json.compact(result))
                .build();
    }

    private static CallToolResult error(String message, ObjectNode result) {
        return CallToolResult.builder().isError(true).addTextContent(message).addTextContent(Json.compact(result)).build();
    }
}
