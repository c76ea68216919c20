package dev.maml.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.quadaes.Keyring;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent runs of one document (a server's /execute, MCP workflow calls) each need the default
 * keyring next to the container. The first to find it missing creates it; every other run must use
 * that one: no run fails with "already exists", and none replaces a keyring another run has sealed
 * with (its containers would be lost).
 */
class SealKeyringRaceTest {

    @TempDir
    Path dir;

    @Test
    void runsThatMeetAtAMissingKeyringAllGetTheSameOne() throws Exception {
        int threads = 8;
        SecureRandom random = new SecureRandom();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int attempt = 0; attempt < 40; attempt++) {
                Path file = dir.resolve("payload-" + attempt + ".mqa.keyring");
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<String>> ids = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    ids.add(pool.submit(() -> {
                        start.await();
                        return Seal.keyring(file, true, random).idHex();
                    }));
                }
                Set<String> distinct = new HashSet<>();
                for (Future<String> id : ids) {
                    distinct.add(id.get()); // a run that failed throws here
                }
                assertEquals(1, distinct.size(), "every run uses one keyring, attempt " + attempt);
                assertEquals(distinct.iterator().next(), Keyring.load(file).idHex(), "the one on disk");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
