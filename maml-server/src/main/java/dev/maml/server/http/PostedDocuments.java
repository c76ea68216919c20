package dev.maml.server.http;

import dev.maml.io.PrivateDirectory;
import dev.maml.model.FileKind;
import dev.maml.receipt.DirectoryReceiptStore;
import dev.maml.receipt.ReceiptStore;
import dev.maml.run.Identity;
import dev.maml.run.Pipeline;
import dev.maml.run.RunRequest;
import dev.maml.run.RunResult;
import dev.maml.server.receipts.PostgresReceiptStore;
import dev.maml.server.receipts.RunOutputs;
import dev.maml.sign.Verification;
import dev.maml.toolchain.LintOutcome;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Source;
import dev.maml.toolchain.Toolchain;
import dev.maml.trust.TrustSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
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
    private final ReceiptStore receipts;
    /** The store, and where runs put sealed payloads: the receipt directory, or a private one when receipts go to a database. */
    private final RunOutputs outputs;
    private final PrivateDirectory holding;
    private final Toolchain toolchain = new Toolchain();
    private final Pipeline pipeline = new Pipeline();
    /**
     * Lint and verify are CPU work only, so only a few run at once: twice as many as there are cores;
     * the requests beyond that wait here. Many more at once would not finish sooner: with 16 or 64
     * request threads on 2 cores they preempt one another inside the engine's shared locks (the
     * random source of MAML012's fix, the schema validator's message formats), and a preempted holder
     * makes every other request wait (JFR showed hundreds of 10 ms+ waits there per 30 s). Twice the
     * cores, not one per core: with one per core nearly every request parked here and was woken in
     * turn (2.0 context switches per /lint request under wrk at 16 connections, 1.2 with twice the
     * cores; 7 % less CPU per request and 3-10 % more requests a second at 16 and 64 connections,
     * docs/performance.md). Not fair: a request that finds a permit free takes it, ahead of those
     * waiting, instead of parking and being woken in turn. Runs do file I/O and fsync, so they are
     * not bounded here (--max-concurrent bounds everything).
     */
    private final Semaphore cores = new Semaphore(2 * Runtime.getRuntime().availableProcessors(), false);

    private PostedDocuments(ServeSettings settings, Path root, ReceiptStore receipts, Path outputs,
                            PrivateDirectory holding) {
        this.settings = settings;
        this.root = root;
        this.receipts = receipts;
        this.outputs = new RunOutputs(outputs, receipts);
        this.holding = holding;
    }

    /**
     * @throws IOException when --root is no directory, --receipts cannot be created, or its database
     *                     cannot be reached or migrated
     */
    static PostedDocuments open(ServeSettings settings) throws IOException {
        Path root = settings.root().toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IOException("--root " + settings.root() + ": not a directory");
        }
        if (settings.receiptDatabase() != null) {
            return withDatabase(settings, root);
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
        return new PostedDocuments(settings, root, new DirectoryReceiptStore(receipts), receipts,
                PrivateDirectory.create("maml-serve-"));
    }

    /**
     * Receipts in the shared database; sealed payloads in a private directory of this replica
     * (removed at stop: another replica could not serve them anyway, and the receipt holds their digest).
     */
    private static PostedDocuments withDatabase(ServeSettings settings, Path root) throws IOException {
        PostgresReceiptStore store;
        try {
            store = PostgresReceiptStore.open(settings.receiptDatabase());
        } catch (IllegalArgumentException | IOException e) {
            throw new IOException("--receipts " + e.getMessage());
        }
        PrivateDirectory holding;
        try {
            holding = PrivateDirectory.create("maml-serve-");
        } catch (IOException e) {
            store.close();
            throw e;
        }
        Path outputs = Files.createDirectory(holding.path().resolve("outputs"));
        return new PostedDocuments(settings, root, store, outputs, holding);
    }

    ReceiptStore receipts() {
        return receipts;
    }

    /** Where runs write: the receipt store and the directory for sealed payloads. */
    RunOutputs outputs() {
        return outputs;
    }

    /** The largest document (or JSON request) accepted, --max-body. */
    long maxBody() {
        return settings.maxBody();
    }

    /** Lints text {@link Bodies#requireText} decoded: what the engine would decode from the bytes, without decoding it twice. */
    LintOutcome lint(String document) {
        cores.acquireUninterruptibly();
        try {
            return toolchain.lint(source(document), session());
        } finally {
            cores.release();
        }
    }

    Verification verify(byte[] document) throws IOException {
        cores.acquireUninterruptibly();
        try {
            return toolchain.verify(source(document), session()).verification();
        } finally {
            cores.release();
        }
    }

    /** Runs the document as {@code who}, as `maml run --receipt-dir RECEIPTS` would in --root. */
    RunResult run(byte[] document, @Nullable ObjectNode inputs, Identity who) throws IOException {
        Path file = Files.createTempFile(holding.path(), "posted-", ".maml.md");
        try {
            Files.write(file, document);
            RunRequest.Builder request = RunRequest.builder(file).name(NAME).identity(who).trust(TrustSettings.server(settings.trust()))
                    .baseDir(root).root(root);
            outputs.applyTo(request);
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

    /** The posted document, read as the file {@value #NAME} in --root. */
    private Source source(byte[] document) {
        return Source.of(document, root.resolve(NAME));
    }

    /** The same, already decoded. */
    private Source source(String document) {
        Path posted = root.resolve(NAME);
        return Source.of(document, posted, FileKind.named(posted));
    }

    private Session session() {
        return Session.builder().workingDirectory(root).configWithin(root).includeIgnored()
                .trust(TrustSettings.server(settings.trust())).build();
    }

    /** Removes the holding directory (and anything a run in progress left there) and closes the receipt store. */
    @Override
    public void close() throws IOException {
        try {
            holding.close();
        } finally {
            receipts.close();
        }
    }
}
