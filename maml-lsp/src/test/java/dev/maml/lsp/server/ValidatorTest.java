package dev.maml.lsp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.lsp.MamlAssert;
import dev.maml.lsp.ServerSettings;
import dev.maml.lsp.diagnostics.Linter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    /** A worker that runs its tasks only when the test says so. */
    static final class Manual extends AbstractExecutorService {
        final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

        void runNext() throws InterruptedException {
            Runnable r = tasks.poll(30, TimeUnit.SECONDS);
            assertTrue(r != null, "no validation was scheduled");
            r.run();
        }

        @Override
        public void execute(Runnable command) {
            tasks.add(command);
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    @Test
    void aValidationLintsTheVersionCurrentWhenItRunsNotTheOneThatScheduledIt() throws Exception {
        DocumentStore store = new DocumentStore();
        RecordingClient client = new RecordingClient();
        Manual worker = new Manual();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        Linter linter = new Linter(ServerSettings.DEFAULTS, Path.of("").toAbsolutePath());
        Validator validator = new Validator(store, MamlAssert.service(), uri -> linter, () -> client, timer, worker);
        try {
            store.open("untitled:a", 1, "```python\n");
            validator.schedule("untitled:a", true);
            TextDocumentContentChangeEvent closeFence = new TextDocumentContentChangeEvent(
                    new Range(new Position(1, 0), new Position(1, 0)), "```\n");
            store.change("untitled:a", 2, List.of(closeFence));
            worker.runNext(); // scheduled for version 1, runs after version 2 arrived
            PublishDiagnosticsParams published = client.next("untitled:a");
            assertEquals(2, published.getVersion());
            assertTrue(published.getDiagnostics().stream().noneMatch(d -> d.getCode().getLeft().equals("MAML040")));
            assertTrue(client.diagnostics.isEmpty(), "version 1 is never published");
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aNewChangeReplacesTheScheduledValidation() throws Exception {
        DocumentStore store = new DocumentStore();
        RecordingClient client = new RecordingClient();
        Manual worker = new Manual();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        Linter linter = new Linter(ServerSettings.DEFAULTS, Path.of("").toAbsolutePath());
        Validator validator = new Validator(store, MamlAssert.service(), uri -> linter, () -> client, timer, worker);
        try {
            store.open("untitled:b", 1, "x\n");
            for (int i = 0; i < 50; i++) {
                validator.schedule("untitled:b", false);
            }
            worker.runNext();
            Thread.sleep(2 * ServerSettings.DEFAULT_DEBOUNCE_MILLIS);
            assertTrue(worker.tasks.isEmpty(), "fifty changes in a burst lint once, not " + (1 + worker.tasks.size()) + " times");
        } finally {
            timer.shutdownNow();
        }
    }
}
