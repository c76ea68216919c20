package dev.maml.server.mcp.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflows directory also receives the receipts of the runs it serves: a run must not make the
 * catalog read every document again. What may change the listing still does, at once.
 */
class DirectoryWatchTest {

    static final Duration DEBOUNCE = Duration.ofMillis(50);

    @TempDir
    Path dir;

    @Test
    void receiptsAndTemporaryFilesDoNotTriggerARescanButDocumentsAndConfigsDo() throws Exception {
        Semaphore rescans = new Semaphore(0);
        try (DirectoryWatch watch = new DirectoryWatch(dir, DEBOUNCE, Duration.ofHours(1),
                WorkflowReader::mayChangeTheListing, rescans::release, line -> { })) {
            Files.writeString(dir.resolve("drone.mu"), "receipt");
            Files.writeString(dir.resolve("drone.2.mu"), "receipt");
            Files.writeString(dir.resolve(".drone.3.mu.4242.17.tmp"), "half a receipt");
            Files.writeString(dir.resolve(".drone.maml.md.4242.18.tmp"), "a document being signed");
            assertEquals(false, rescans.tryAcquire(DEBOUNCE.toMillis() * 20, TimeUnit.MILLISECONDS),
                    "receipts or temporary files made the catalog rescan");

            Files.writeString(dir.resolve("drone.maml.md"), "---\n---\n");
            assertTrue(rescans.tryAcquire(30, TimeUnit.SECONDS), "a new document was not noticed");
            Files.writeString(dir.resolve(".maml-lint.yaml"), "rules: {}\n");
            assertTrue(rescans.tryAcquire(30, TimeUnit.SECONDS), "a changed lint configuration was not noticed");
        }
    }
}
