package dev.maml.run;

import dev.maml.model.CodeBlock;
import dev.maml.sandbox.BlockResult;
import dev.maml.sandbox.Language;
import dev.maml.sandbox.Limits;
import dev.maml.sandbox.Sandbox;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the document's Code_Blocks in `python`, `bash` or `sh` (spec section 6), one sandboxed
 * process each, in document order, with the run's parameters as JSON on stdin. Blocks in other
 * languages are documentation and skipped. Without a sandbox nothing runs (exit 3). A block that
 * fails stops the run (exit 1); the fields of a block's JSON-object stdout are merged into the
 * result (later blocks win), except the fields the pipeline itself owns.
 */
final class CodeBlocks {

    /** Result fields a block cannot overwrite: they say what the pipeline did. */
    static final Set<String> RESERVED = Set.of("status", "steps", "failed_step", "error", "document", "type",
            "run_id", "identity", "seed", "inputs", "document_signature", "code_blocks", "receipt", "signing",
            "qkd", "qkd_key", "signature", "is_valid", "key_id", "ciphertext_sha3_256", "heads");

    private CodeBlocks() {
    }

    static void run(RunContext ctx) throws RunFailure {
        ArrayNode reports = ctx.result().putArray("code_blocks");
        var runnable = ctx.doc.codeBlocks().stream()
                .filter(b -> "Code_Blocks".equals(b.section()) && b.closed() && Language.of(b.language()).isPresent())
                .toList();
        if (runnable.isEmpty()) {
            return;
        }
        Sandbox sandbox = ctx.log.step("sandbox", () -> ctx.sandbox.get().orRefuse());
        int n = 0;
        for (CodeBlock block : runnable) {
            n++;
            ObjectNode report = reports.addObject().put("index", n).put("language", block.language())
                    .put("line", ctx.doc.lines().displayLine(block.range().start()));
            ctx.log.step("code_block." + n, () -> {
                BlockResult result = execute(ctx, sandbox, block);
                report.setAll(result.toJson());
                if (!result.ok()) {
                    throw new RunFailure(RunFailure.FAILED, "code block " + report.get("index") + " (line "
                            + report.get("line") + ", " + block.language() + "): " + result.detail());
                }
                merge(ctx.result(), result.output());
                return null;
            });
        }
    }

    private static BlockResult execute(RunContext ctx, Sandbox sandbox, CodeBlock block) throws RunFailure {
        Optional<Language> language = Language.of(block.language());
        try {
            return sandbox.run(language.orElseThrow(), ctx.doc.text(block.content()), ctx.parameters, Limits.DEFAULT);
        } catch (IOException e) {
            throw new RunFailure(RunFailure.FAILED, "cannot run the code block: " + Messages.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailure(RunFailure.FAILED, "interrupted while a code block ran");
        }
    }

    private static void merge(ObjectNode result, JsonNode output) {
        if (output != null && output.isObject()) {
            for (Map.Entry<String, JsonNode> field : output.properties()) {
                if (!RESERVED.contains(field.getKey())) {
                    result.set(field.getKey(), field.getValue());
                }
            }
        }
    }
}
