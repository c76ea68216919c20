package dev.maml.server.receipts;

import dev.maml.receipt.ReceiptStore;
import dev.maml.run.RunRequest;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

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
}
