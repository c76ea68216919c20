package dev.maml.server.http;

import dev.maml.io.PrivateDirectory;
import dev.maml.run.Identity;
import dev.maml.run.Pipeline;
import dev.maml.run.RunRequest;
import dev.maml.run.RunResult;
import dev.maml.sign.Verification;
import dev.maml.toolchain.LintOutcome;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Source;
import dev.maml.toolchain.Toolchain;
import dev.maml.trust.TrustSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the routes do with a posted document, through the one engine every front end uses (spec 11):
 * lint and verify through the {@link Toolchain}, runs through the {@link Pipeline}. A posted document
 * is read as if it were the file {@value #NAME} in --root, so its relative paths, its lint config
 * and the project trust store are --root's. A run needs a file: the document is held in a private
 * temporary file (directory 0700, outside --root, removed on every path) and run with --root as its
 * base directory and tree, so the temporary file's surroundings never decide what a run reads or trusts;
 * the result names it {@value #NAME} too.
 */
final class PostedDocuments implements AutoCloseable {

    /** The name a posted document goes by inside --root. */
    static final String NAME = "posted.maml.md";

    private final ServeSettings settings;
    private final Path root;
    private final Path receipts;
    private final PrivateDirectory holding;
    private final Toolchain toolchain = new Toolchain();
    private final Pipeline pipeline = new Pipeline();

    private PostedDocuments(ServeSettings settings, Path root, Path receipts, PrivateDirectory holding) {
        this.settings = settings;
        this.root = root;
        this.receipts = receipts;
        this.holding = holding;
    }

    /** @throws IOException when --root is no directory or --receipts cannot be created */
    static PostedDocuments open(ServeSettings settings) throws IOException {
        Path root = settings.root().toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IOException("--root " + settings.root() + ": not a directory");
        }
        Path receipts = settings.receipts().toAbsolutePath().normalize();
        try {
            Files.createDirectories(receipts);
        } catch (IOException e) {
            throw new IOException("--receipts " + settings.receipts() + ": cannot create the directory");
        }
        if (!Files.isDirectory(receipts)) {
            throw new IOException("--receipts " + settings.receipts() + ": not a directory");
        }
        return new PostedDocuments(settings, root, receipts, PrivateDirectory.create("maml-serve-"));
    }

    Path receipts() {
        return receipts;
    }

    /** The largest document (or JSON request) accepted, --max-body. */
    long maxBody() {
        return settings.maxBody();
    }

    LintOutcome lint(byte[] document) {
        return toolchain.lint(source(document), session());
    }

    Verification verify(byte[] document) throws IOException {
        return toolchain.verify(source(document), session()).verification();
    }

    /** Runs the document as {@code who}, as `maml run --receipt-dir RECEIPTS` would in --root. */
    RunResult run(byte[] document, @Nullable ObjectNode inputs, Identity who) throws IOException {
        Path file = Files.createTempFile(holding.path(), "posted-", ".maml.md");
        try {
            Files.write(file, document);
            RunRequest.Builder request = RunRequest.builder(file).name(NAME).identity(who).trust(TrustSettings.server(settings.trust()))
                    .baseDir(root).root(root).receiptDir(receipts);
            if (inputs != null) {
                request.input(inputs);
            }
            if (settings.key() != null) {
                request.key(settings.key());
            }
            return pipeline.run(request.build());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Source source(byte[] document) {
        return Source.of(document, root.resolve(NAME));
    }

    private Session session() {
        return Session.builder().workingDirectory(root).configWithin(root).includeIgnored()
                .trust(TrustSettings.server(settings.trust())).build();
    }

    /** Removes the holding directory (and anything a run in progress left there). */
    @Override
    public void close() throws IOException {
        holding.close();
    }
}
