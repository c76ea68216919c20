package dev.maml.server.receipts;

import dev.maml.receipt.ReceiptStore;
import dev.maml.run.RunRequest;
import dev.maml.run.RunResult;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a server's runs write. Receipts go through {@code store} when there is one (the store of
 * `maml serve --receipts`, one instance for /execute and /mcp, so a document's runs through either
 * make one chain), else into {@code directory} as `maml run --receipt-dir` writes them; sealed
 * payloads (.mqa, keyrings) always go into {@code directory}.
 */
public record RunOutputs(Path directory, @Nullable ReceiptStore store) {

    /** Receipts and sealed payloads as files in {@code directory}, chained there. */
    public static RunOutputs in(Path directory) {
        return new RunOutputs(directory, null);
    }

    /** Points {@code run} at these outputs. */
    public RunRequest.Builder applyTo(RunRequest.Builder run) {
        run.receiptDir(directory);
        if (store != null) {
            run.receiptStore(store);
        }
        return run;
    }

    /**
     * The result JSON a server answers for {@code run} (POST /execute, MCP's run and workflow tools):
     * what `maml run` prints, with {@code receipt} the receipt's bare file name, the name GET
     * /receipts/{name} serves (spec 11.1), not the server's path to it, which would tell every caller
     * how the server's disk is laid out.
     */
    public static ObjectNode answer(RunResult run) {
        ObjectNode result = run.result();
        Path receipt = run.receipt();
        if (receipt != null) {
            result.put("receipt", receipt.getFileName().toString());
        }
        return result;
    }
}
