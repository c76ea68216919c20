package dev.maml.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can be shown of group commit without pulling the power: every caller returns (none is left
 * waiting for a fsync that already covered it), and a directory that cannot be forced fails every
 * caller instead of reporting its entries as durable.
 */
class DirectorySyncTest {

    @TempDir
    Path dir;

    @Test
    void concurrentCallersAllReturnOnceForced() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                calls.add(pool.submit(() -> {
                    Files.writeString(dir.resolve("f" + n), "x");
                    DirectorySync.sync(dir);
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }
        try (var files = Files.list(dir)) {
            assertEquals(200, files.count());
        }
    }

    @Test
    void aDirectoryThatCannotBeForcedFailsTheCaller() throws Exception {
        Path missing = dir.resolve("gone");
        assertThrows(IOException.class, () -> DirectorySync.sync(missing));
        Files.createDirectory(missing);
        DirectorySync.sync(missing); // the failed round left no leader behind
    }
}
