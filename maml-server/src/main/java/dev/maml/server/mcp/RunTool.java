package dev.maml.server.mcp;

import dev.maml.io.PrivateDirectory;
import dev.maml.report.Json;
import dev.maml.run.Identity;
import dev.maml.run.Pipeline;
import dev.maml.run.RunRequest;
import dev.maml.run.RunResult;
import dev.maml.server.mcp.DocumentInput.Document;
import dev.maml.server.receipts.RunOutputs;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * run: the run pipeline, as `maml run` runs a document, with the caller's identity and the server's
 * key and trust. A document in the workflows directory runs where it lies; text is held in a private
 * temporary directory, removed afterwards, and runs as if it lived in the workflows directory,
 * confined to it (spec 10.2a). Receipts and sealed payloads go to the server's outputs when MCP is
 * mounted on `maml serve` ({@link McpConfig#outputs()}); for `maml mcp`, next to the document, and
 * for text into its temporary directory.
 */
final class RunTool {

    private final McpConfig config;
    private final DocumentInput input;
    private final Supplier<Pipeline> pipelines;

    RunTool(McpConfig config, DocumentInput input, Supplier<Pipeline> pipelines) {
        this.config = config;
        this.input = input;
        this.pipelines = pipelines;
    }

    CallToolResult run(Map<String, Object> args, Identity caller) throws ToolException, IOException {
        Document doc = input.require(args, "document", "path");
        if (doc.file() != null) {
            return outcome(pipelines.get().run(request(doc.file(), args, caller, null).build()));
        }
        try (PrivateDirectory dir = PrivateDirectory.create("maml-mcp-")) {
            Path file = dir.path().resolve(Path.of(doc.display()).getFileName());
            Files.writeString(file, doc.source().text(), StandardOpenOption.CREATE_NEW);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            Path tree = config.workflows() != null ? config.workflows() : dir.path();
            return outcome(pipelines.get().run(request(file, args, caller, dir.path()).baseDir(tree).root(tree).build()));
        }
    }

    /** @param holding the temporary directory text is held in, which takes its outputs without the server's; null for a file */
    private RunRequest.Builder request(Path file, Map<String, Object> args, Identity caller, @Nullable Path holding)
            throws ToolException {
        RunRequest.Builder builder = RunRequest.builder(file).identity(caller).trust(config.trustSettings());
        RunOutputs outputs = config.outputs();
        if (outputs != null) {
            outputs.applyTo(builder);
        } else if (holding != null) {
            builder.receiptDir(holding);
        }
        if (config.key() != null) {
            builder.key(config.key());
        }
        Object inputs = args.get("inputs");
        if (inputs != null) {
            JsonNode json = Json.MAPPER.valueToTree(inputs);
            if (!json.isObject()) {
                throw new ToolException("inputs: expected a JSON object");
            }
            builder.input((ObjectNode) json);
        }
        if (args.get("seed") instanceof Number seed) {
            builder.seed(seed.longValue());
        }
        return builder;
    }

    /** The result JSON either way; a run that failed or was refused is an error result that still carries it. */
    private static CallToolResult outcome(RunResult result) {
        ObjectNode json = RunOutputs.answer(result);
        if (result.ok()) {
            return ToolResults.ok(json, "ok; run " + json.path("run_id").asString("") + " of " + json.path("document").asString(""));
        }
        return ToolResults.error("run failed at step " + result.failedStep() + ": " + result.message(), json);
    }
}
