package dev.maml.lsp.server;

import dev.maml.lsp.LspDocument;
import dev.maml.lsp.MamlLanguageService;
import dev.maml.lsp.ServerSettings;
import dev.maml.lsp.diagnostics.Linter;
import dev.maml.lsp.transport.FramedOutput;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Runs the path of an edit (the {@code didChange} JSON read, the range edit applied, the
 * incremental parse, the lint, the diagnostics and their JSON written) and of a completion request
 * a few hundred times on a document of its own, on a background thread when the server starts, so
 * that the JIT has compiled that path before the user's first edits rather than during them (the
 * slow edits of a fresh server were its first one or two hundred; docs/performance.md, issue 15).
 * With the default 200 ms debounce an editor lints a few times a second at most, so without this a
 * user would feel the cold path for minutes, not for the first hundred milliseconds.
 * <p>
 * Nothing here reaches the editor or the open documents: the document is private to this class and
 * never in the {@link DocumentStore}, JSON goes to a discarding stream, and the linter is its own
 * (default settings, its own config cache), so no result the server gives changes. It runs only
 * when the server has been idle for {@link #QUIET_MILLIS} (no work queued, running or newly taken on),
 * so it uses the pauses between the user's keystrokes rather than competing with them (an editor
 * sending edits back to back, as the benchmark does, leaves it no pause, and it waits), and it
 * stops at shutdown.
 */
final class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class.getName());

    /** Edits (each linted) and completions; about as many as the benchmark's slow edits were. */
    static final int EDITS = 300;

    /** How long the server must have had nothing to do before a step. */
    static final long QUIET_MILLIS = 20;

    /**
     * How often the server's work counts are read while waiting for quiet: a quarter of the quiet
     * period is fine enough, and an editor that sends edits back to back keeps this thread waiting
     * for the whole burst (at every 1 ms that was a thousand wake-ups a second beside the edits).
     */
    private static final long POLL_MILLIS = QUIET_MILLIS / 4;

    /** The warm-up document's own name; never opened in the server. */
    static final String URI = "untitled:maml-warm-up.maml.md";

    private final MamlLanguageService service;
    private final Linter linter;
    private final BooleanSupplier busy;
    private final LongSupplier taken;
    private final MessageJsonHandler json;
    private volatile boolean stopped;
    private volatile int done;

    /**
     * @param busy  whether real work is queued or running (a validation, a request)
     * @param taken how many pieces of real work the server has taken on so far: when it has not
     *              changed for {@link #QUIET_MILLIS} and nothing is busy, the server was idle throughout
     */
    WarmUp(MamlLanguageService service, Path workingDirectory, BooleanSupplier busy, LongSupplier taken) {
        this.service = service;
        this.linter = new Linter(ServerSettings.DEFAULTS, workingDirectory);
        this.busy = busy;
        this.taken = taken;
        Map<String, JsonRpcMethod> methods = new LinkedHashMap<>(ServiceEndpoints.getSupportedMethods(LanguageServer.class));
        methods.putAll(ServiceEndpoints.getSupportedMethods(LanguageClient.class));
        this.json = new MessageJsonHandler(methods);
    }

    /**
     * The steps a server takes: {@link #EDITS}, or the system property {@code maml.lsp.warmUp} (0:
     * none), which the benchmark uses to compare a server with and without (bench/lsp-warm-up.sh).
     */
    static int steps() {
        return Math.max(0, Integer.getInteger("maml.lsp.warmUp", EDITS));
    }

    /** Starts {@code edits} steps on a daemon thread of the lowest priority (a hint the OS may ignore). */
    void start(int edits) {
        if (edits <= 0) {
            return;
        }
        Thread t = new Thread(() -> run(edits), "maml-lsp-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Ends the warm-up after the step it is in. */
    void stop() {
        stopped = true;
    }

    /** Steps completed so far. */
    int done() {
        return done;
    }

    /**
     * {@code edits} steps, each: an edit read from its JSON, applied and linted, the diagnostics
     * written as JSON; and a completion of a front-matter key, written as JSON. Edits alternate
     * between typing a character at one of a few places (front matter, prose, a code block) and
     * deleting it again, so the text stays the size it was. Returns the diagnostics of each step,
     * summed, so a test can see the work was done.
     */
    long run(int edits) {
        long findings = 0;
        try {
            LspDocument doc = new LspDocument(URI, 0, document());
            FramedOutput out = new FramedOutput(OutputStream.nullOutputStream(), json);
            CancelChecker never = () -> { };
            long seen = Long.MIN_VALUE;
            for (int i = 0; i < edits; i++) {
                seen = awaitQuiet(seen);
                if (stopped) {
                    break;
                }
                int[] place = PLACES[(i / 2) % PLACES.length];
                Position at = new Position(place[0], place[1]);
                TextDocumentContentChangeEvent change = i % 2 == 0
                        ? new TextDocumentContentChangeEvent(new Range(at, at), "x")
                        : new TextDocumentContentChangeEvent(new Range(at, new Position(place[0], place[1] + 1)), "");
                NotificationMessage didChange = new NotificationMessage();
                didChange.setMethod("textDocument/didChange");
                didChange.setParams(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, i + 1),
                        List.of(change)));
                DidChangeTextDocumentParams read = (DidChangeTextDocumentParams)
                        ((NotificationMessage) json.parseMessage(json.serialize(didChange))).getParams();
                doc = DocumentStore.edit(doc, read.getTextDocument().getVersion(), read.getContentChanges());
                List<Diagnostic> diagnostics = service.diagnostics(doc, linter, never);
                findings += diagnostics.size();
                NotificationMessage publish = new NotificationMessage();
                publish.setMethod("textDocument/publishDiagnostics");
                publish.setParams(new PublishDiagnosticsParams(URI, diagnostics, doc.version()));
                out.consume(publish);
                CompletionList completion = service.completion(doc, new Position(3, 0), never);
                ResponseMessage answer = new ResponseMessage();
                answer.setId(i);
                answer.setResult(Either.forRight(completion));
                out.consume(answer);
                done = i + 1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Only the warm-up is lost; real work takes the same path and reports its own failures.
            LOG.log(Level.FINE, "warm-up stopped", e);
        }
        return findings;
    }

    /**
     * Returns once the server has been idle for {@link #QUIET_MILLIS}, or at once when it has taken
     * on nothing since {@code seen} (the count when the warm-up last went on) and is not busy, or
     * when stopped; returns the count it went on at.
     */
    private long awaitQuiet(long seen) throws InterruptedException {
        long count = taken.getAsLong();
        if (count == seen && !busy.getAsBoolean()) {
            return count;
        }
        long quietSince = System.nanoTime();
        while (!stopped) {
            Thread.sleep(POLL_MILLIS);
            long now = taken.getAsLong();
            if (now != count || busy.getAsBoolean()) {
                count = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= QUIET_MILLIS * 1_000_000) {
                break;
            }
        }
        return count;
    }

    /** Where the edits type: {line, character} of the document below. */
    private static final int[][] PLACES = {{3, 7}, {11, 10}, {18, 4}, {23, 2}, {30, 5}};

    /**
     * A document with what a MAML document has (front matter, the usual sections, code, a schema,
     * History), some prose so that the per-line work is looped over, and a finding or two.
     */
    static String document() {
        StringJoiner text = new StringJoiner("\n", "", "\n");
        text.add("---")
                .add("maml_version: \"2.0.0\"")
                .add("id: \"urn:uuid:5c4d3e2f-1a0b-4c8d-9e7f-5a4b3c2d1e0f\"")
                .add("type: \"workflow\"")
                .add("origin: \"agent://warm-up\"")
                .add("permissions:")
                .add("  read: [\"agent://warm-up\"]")
                .add("  execute: [\"gateway://local\"]")
                .add("created_at: 2025-10-24T12:40:00Z")
                .add("---")
                .add("## Intent")
                .add("Keep the server's edit path compiled.")
                .add("")
                .add("## Context")
                .add("dataset: data.csv")
                .add("")
                .add("## Code_Blocks")
                .add("```python")
                .add("def f(x):")
                .add("    return x + 1")
                .add("```")
                .add("")
                .add("## Input_Schema")
                .add("{ \"type\": \"object\", \"properties\": { \"x\": { \"type\": \"integer\" } } }")
                .add("")
                .add("## Content")
                .add("A [link](#intent) and `code`.")
                .add("- an item")
                .add("- another item")
                .add("");
        for (int i = 0; i < 120; i++) {
            text.add("Line " + i + " of the prose in the body of the document.");
        }
        text.add("")
                .add("## History")
                .add("- 2025-10-24T12:40:00Z: [CREATE] Written by `agent://warm-up`.");
        return text.toString();
    }
}
