package dev.maml.lsp.server;

import dev.maml.lsp.LspDocument;
import dev.maml.lsp.MamlLanguageService;
import dev.maml.lsp.diagnostics.Linter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Debounced validation: a change schedules a lint of its document after a quiet period (the
 * {@code debounceMillis} setting), replacing
 * the one scheduled before; at most one lint per document is pending. A lint whose document got a
 * newer version meanwhile stops early, and diagnostics are published only for the version that is
 * still current, so the editor never sees findings for text it no longer has.
 */
final class Validator {

    private static final Logger LOG = Logger.getLogger(Validator.class.getName());

    private final DocumentStore store;
    private final MamlLanguageService service;
    /** The linter for a document's URI (its folder's settings). */
    private final Function<String, Linter> linter;
    private final Supplier<LanguageClient> client;
    private final ScheduledExecutorService timer;
    private final ExecutorService worker;
    private final Map<String, Future<?>> pending = new ConcurrentHashMap<>();

    Validator(DocumentStore store, MamlLanguageService service, Function<String, Linter> linter,
              Supplier<LanguageClient> client, ScheduledExecutorService timer, ExecutorService worker) {
        this.store = store;
        this.service = service;
        this.linter = linter;
        this.client = client;
        this.timer = timer;
        this.worker = worker;
    }

    /** Validates after the quiet period (a change), or at once when {@code now} (open, settings changed). */
    void schedule(String uri, boolean now) {
        pending.compute(uri, (u, previous) -> {
            if (previous != null) {
                previous.cancel(false);
            }
            long delay = now ? 0 : linter.apply(u).settings().debounceMillis();
            // no quiet period: straight to the worker, without a hop through the timer's thread
            return delay == 0 ? worker.submit(() -> validate(u))
                    : timer.schedule(() -> worker.execute(() -> validate(u)), delay, TimeUnit.MILLISECONDS);
        });
    }

    /** Forgets a closed document and clears its diagnostics. */
    void clear(String uri) {
        Future<?> previous = pending.remove(uri);
        if (previous != null) {
            previous.cancel(false);
        }
        publish(new PublishDiagnosticsParams(uri, List.of()));
    }

    private void validate(String uri) {
        LspDocument doc = store.get(uri);
        if (doc == null) {
            return;
        }
        try {
            List<Diagnostic> diagnostics = service.diagnostics(doc, linter.apply(uri), () -> {
                if (!current(doc)) {
                    throw new CancellationException("document changed");
                }
            });
            if (current(doc)) {
                publish(new PublishDiagnosticsParams(uri, diagnostics, doc.version()));
            }
        } catch (CancellationException e) {
            // A newer version is on its way; its own validation will publish.
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "validation of " + uri + " failed", e);
        }
    }

    private boolean current(LspDocument doc) {
        return store.get(doc.uri()) == doc;
    }

    private void publish(PublishDiagnosticsParams params) {
        LanguageClient c = client.get();
        if (c != null) {
            c.publishDiagnostics(params);
        }
    }
}
