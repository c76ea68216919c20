package dev.maml.run;

import dev.maml.io.DocumentTree;
import dev.maml.sandbox.Detection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What every step of one run reads and none changes: the request, where the document is, the
 * run's id and time, and its generators. What a step finds goes back to the {@link Pipeline} as its
 * return value, never into here.
 *
 * @param tree    where the files the document names may be (spec 10.2a)
 * @param rng     QKD's generator: seeded with --seed, otherwise a SecureRandom
 * @param sandbox how to find a sandbox when code blocks are to run
 */
record RunContext(RunRequest request, Path document, Path documentDir, DocumentTree tree, Instant now,
                  RandomGenerator rng, UUID runId, Supplier<Detection> sandbox) {

    static RunContext of(RunRequest request, Instant now, RandomGenerator rng, UUID runId,
                         Supplier<Detection> sandbox) {
        Path document = request.document();
        Path base = request.baseDir();
        Path dir = base != null ? base.toAbsolutePath().normalize() : document.toAbsolutePath().normalize().getParent();
        Path root = request.root();
        return new RunContext(request, document, dir, new DocumentTree(root != null ? root : dir), now, rng, runId,
                sandbox);
    }

    /**
     * Where receipts and sealed payloads go: --receipt-dir, or the directory the document is read as
     * living in (as given, so paths print as given).
     */
    Path outputDir() {
        Path receiptDir = request.receiptDir();
        if (receiptDir != null) {
            return receiptDir;
        }
        Path base = request.baseDir();
        if (base != null) {
            return base;
        }
        Path parent = document.getParent();
        return parent != null ? parent : Path.of("");
    }

    /** {@link #outputDir()}, created first when it is a --receipt-dir that does not exist yet. */
    Path createdOutputDir() throws IOException {
        Path receiptDir = request.receiptDir();
        if (receiptDir != null) {
            Files.createDirectories(receiptDir);
        }
        return outputDir();
    }
}
