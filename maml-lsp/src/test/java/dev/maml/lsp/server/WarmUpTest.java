package dev.maml.lsp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.maml.lsp.LspDocument;
import dev.maml.lsp.MamlAssert;
import dev.maml.lsp.ServerSettings;
import dev.maml.lsp.diagnostics.Linter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up warm-up does its work on its own document and nothing of it reaches the editor or the open documents. */
class WarmUpTest {

    @Test
    void everyStepEditsLintsAndCompletesItsOwnDocument(@TempDir Path dir) {
        WarmUp warmUp = new WarmUp(MamlAssert.service(), dir, () -> false, () -> 0);
        long findings = warmUp.run(WarmUp.EDITS);
        assertEquals(WarmUp.EDITS, warmUp.done());
        // Every tenth step types into the front matter's type value, which the schema then rejects.
        assertTrue(findings >= WarmUp.EDITS / 10, "findings over all steps: " + findings);
    }

    @Test
    void aWarmingServerPublishesNothingAndHasNothingOpen(@TempDir Path dir) throws Exception {
        RecordingClient client = new RecordingClient();
        MamlLanguageServer server = new MamlLanguageServer(MamlAssert.service(), dir, code -> { });
        server.connect(client);
        server.initialize(new InitializeParams()).get(30, TimeUnit.SECONDS);
        awaitWarmedUp(server, WarmUp.EDITS);
        assertTrue(client.diagnostics.isEmpty(), "published: " + client.diagnostics);
        assertTrue(client.logs.isEmpty() && client.messages.isEmpty(), "told: " + client.logs + client.messages);
        // Line 3 of the warm-up document is a front-matter key: had it been open, keys would be offered.
        var items = server.getTextDocumentService().completion(new CompletionParams(
                new TextDocumentIdentifier(WarmUp.URI), new Position(3, 0))).get(30, TimeUnit.SECONDS).getRight().getItems();
        assertEquals(List.of(), items);
        server.exit();
    }

    @Test
    void documentsEditedDuringTheWarmUpGetTheDiagnosticsOfAFreshServer(@TempDir Path dir) throws Exception {
        RecordingClient client = new RecordingClient();
        MamlLanguageServer server = new MamlLanguageServer(MamlAssert.service(), dir, code -> { });
        server.connect(client);
        InitializeParams init = new InitializeParams();
        init.setInitializationOptions(JsonParser.parseString("{\"maml\":{\"debounceMillis\":0}}"));
        server.initialize(init).get(30, TimeUnit.SECONDS);
        // The warm-up's own document, under its own name: the open one must keep its own text.
        String uri = WarmUp.URI;
        String text = WarmUp.document().replace("type: \"workflow\"", "type: \"nonsense\"");
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "markdown", 1, text)));
        assertEquals(expected(dir, uri, 1, text), client.next(uri).getDiagnostics());
        int interleaved = 0;
        for (int v = 2; v < 40; v++) {
            // Each edit comes after a step of the warm-up, so the two interleave, until the warm-up
            // has done all its steps: how many it takes between two edits depends on the machine.
            awaitWarmedUp(server, Math.min(server.warmedUp() + 1, WarmUp.EDITS));
            if (server.warmedUp() < WarmUp.EDITS) {
                interleaved++;
            }
            Position at = new Position(v % 30, 0);
            text = DocumentStore.apply(text, List.of(new TextDocumentContentChangeEvent(new Range(at, at), "x")));
            server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, v),
                    List.of(new TextDocumentContentChangeEvent(new Range(at, at), "x"))));
            PublishDiagnosticsParams published = client.next(uri);
            assertEquals(v, published.getVersion());
            assertEquals(expected(dir, uri, v, text), published.getDiagnostics(), "version " + v);
        }
        assertTrue(client.diagnostics.isEmpty(), "published besides: " + client.diagnostics);
        assertTrue(interleaved >= 10, "edits sent while the warm-up was under way: " + interleaved);
        server.exit();
    }

    @Test
    void itWaitsWhileRealWorkIsInFlight(@TempDir Path dir) throws Exception {
        AtomicBoolean busy = new AtomicBoolean(true);
        CountDownLatch asked = new CountDownLatch(5);
        WarmUp warmUp = new WarmUp(MamlAssert.service(), dir, () -> {
            asked.countDown();
            return busy.get();
        }, () -> 0);
        CompletableFuture<Long> running = CompletableFuture.supplyAsync(() -> warmUp.run(20));
        assertTrue(asked.await(30, TimeUnit.SECONDS));
        assertEquals(0, warmUp.done(), "a step ran while the server was busy");
        busy.set(false);
        running.get(60, TimeUnit.SECONDS);
        assertEquals(20, warmUp.done());
    }

    @Test
    void itWaitsWhileRealWorkKeepsComing(@TempDir Path dir) throws Exception {
        AtomicBoolean arriving = new AtomicBoolean(true);
        AtomicLong taken = new AtomicLong();
        CountDownLatch asked = new CountDownLatch(50);
        WarmUp warmUp = new WarmUp(MamlAssert.service(), dir, () -> false, () -> {
            asked.countDown();
            return arriving.get() ? taken.incrementAndGet() : taken.get();
        });
        CompletableFuture<Long> running = CompletableFuture.supplyAsync(() -> warmUp.run(20));
        assertTrue(asked.await(30, TimeUnit.SECONDS));
        assertEquals(0, warmUp.done(), "a step ran while new work kept arriving");
        arriving.set(false);
        running.get(60, TimeUnit.SECONDS);
        assertEquals(20, warmUp.done());
    }

    @Test
    void stopEndsIt(@TempDir Path dir) throws Exception {
        AtomicBoolean busy = new AtomicBoolean(true);
        CountDownLatch asked = new CountDownLatch(2);
        WarmUp warmUp = new WarmUp(MamlAssert.service(), dir, () -> {
            asked.countDown();
            return busy.get();
        }, () -> 0);
        CompletableFuture<Long> running = CompletableFuture.supplyAsync(() -> warmUp.run(20));
        assertTrue(asked.await(30, TimeUnit.SECONDS));
        warmUp.stop();
        busy.set(false);
        running.get(60, TimeUnit.SECONDS);
        assertEquals(0, warmUp.done());
    }

    /** What a server that never warmed up publishes for this version: a fresh document, linted with the same settings. */
    private static List<Diagnostic> expected(Path dir, String uri, int version, String text) {
        Linter linter = new Linter(ServerSettings.DEFAULTS, dir);
        return MamlAssert.service().diagnostics(new LspDocument(uri, version, text), linter, MamlAssert.NEVER);
    }

    private static void awaitWarmedUp(MamlLanguageServer server, int steps) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (server.warmedUp() < steps) {
            assertTrue(System.nanoTime() < deadline, "warm-up stuck at step " + server.warmedUp());
            // Short, so that the edit that follows a step comes before the warm-up has raced on.
            Thread.sleep(1);
        }
    }
}
