package dev.maml.run;

import dev.maml.io.DocumentTree;
import dev.maml.model.MamlDocument;
import dev.maml.sandbox.Detection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import tools.jackson.databind.node.ObjectNode;

/** What the steps of one run share: the request, what earlier steps found, and the growing result. */
final class RunContext {

    final RunRequest request;
    final RunLog log;
    final Path document;
    final Path documentDir;
    /** Where the files the document names may be (spec 10.2a). */
    final DocumentTree tree;
    final Instant now;
    /** QKD's generator: seeded with --seed, otherwise a SecureRandom. */
    final RandomGenerator rng;
    final UUID runId;
    final Supplier<Detection> sandbox;

    byte[] bytes;
    MamlDocument doc;
    String type;
    ObjectNode parameters;

    RunContext(RunRequest request, RunLog log, Instant now, RandomGenerator rng, UUID runId,
               Supplier<Detection> sandbox) {
        this.request = request;
        this.log = log;
        this.document = request.document();
        Path parent = document.toAbsolutePath().normalize().getParent();
        this.documentDir = parent;
        this.tree = new DocumentTree(request.root() != null ? request.root() : parent);
        this.now = now;
        this.rng = rng;
        this.runId = runId;
        this.sandbox = sandbox;
    }

    ObjectNode result() {
        return log.result();
    }

    /** Where receipts and sealed payloads go: --receipt-dir, or the document's directory (as given, so paths print as given). */
    Path outputDir() {
        if (request.receiptDir() != null) {
            return request.receiptDir();
        }
        Path parent = document.getParent();
        return parent != null ? parent : Path.of("");
    }

    /** {@link #outputDir()}, created first when it is a --receipt-dir that does not exist yet. */
    Path createdOutputDir() throws IOException {
        if (request.receiptDir() != null) {
            Files.createDirectories(request.receiptDir());
        }
        return outputDir();
    }
}
