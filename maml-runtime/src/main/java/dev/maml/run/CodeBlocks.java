package dev.maml.run;

import dev.maml.io.FailureText;
import dev.maml.model.CodeBlock;
import dev.maml.model.MamlDocument;
import dev.maml.sandbox.BlockResult;
import dev.maml.sandbox.Language;
import dev.maml.sandbox.Limits;
import dev.maml.sandbox.Sandbox;
import java.io.IOException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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

    /** The code blocks were reached: the result lists them (`code_blocks`, empty when none runs). */
    record Started() implements ResultPart {
    }

    /**
     * One block, as `code_blocks` lists it.
     *
     * @param result how it ran; null when it could not be started
     */
    record Report(int index, String language, int line, @Nullable BlockResult result) implements ResultPart {
    }

    static void run(RunContext ctx, RunLog log, MamlDocument doc, ObjectNode parameters) throws RunFailure {
        log.add(new Started());
        var runnable = doc.codeBlocks().stream()
                .filter(b -> "Code_Blocks".equals(b.section()) && b.closed() && Language.of(b.language()).isPresent())
                .toList();
        if (runnable.isEmpty()) {
            return;
        }
        Sandbox sandbox = log.step("sandbox", () -> ctx.sandbox().get().orRefuse());
        int n = 0;
        for (CodeBlock block : runnable) {
            Report started = new Report(++n, block.language(), doc.lines().displayLine(block.range().start()), null);
            log.step("code_block." + n, () -> {
                BlockResult result = execute(sandbox, doc, block, parameters, started);
                Report report = new Report(started.index(), started.language(), started.line(), result);
                if (!result.ok()) {
                    throw new RunFailure(RunFailure.FAILED, "code block " + report.index() + " (line " + report.line()
                            + ", " + block.language() + "): " + result.detail(), report);
                }
                return report;
            });
        }
    }

    private static BlockResult execute(Sandbox sandbox, MamlDocument doc, CodeBlock block, ObjectNode parameters,
                                       Report started) throws RunFailure {
        try {
            return sandbox.run(Language.of(block.language()).orElseThrow(), doc.code(block), parameters,
                    Limits.DEFAULT);
        } catch (IOException e) {
            throw new RunFailure(RunFailure.FAILED, "cannot run the code block: " + FailureText.of(e), started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailure(RunFailure.FAILED, "interrupted while a code block ran", started);
        }
    }
}
