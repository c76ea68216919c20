package dev.maml.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.sandbox.Sandbox;
import dev.maml.sign.Digests;
import dev.maml.testing.SecurityWorkflows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
 * Runs of one security workflow side by side (a server's /execute, MCP workflow calls) write the
 * same container name. Each run's `ciphertext_sha3_256` must be the digest of the container it
 * wrote, never of the one another run put there a moment later: every run reports its own digest.
 */
class ConcurrentSealTest {

    @TempDir
    Path dir;

    @Test
    void eachRunReportsTheDigestOfTheContainerItWrote() throws Exception {
        Files.write(dir.resolve("data.csv"), new byte[256 * 1024]);
        Path doc = SecurityWorkflows.write(dir.resolve("s.maml.md"), "Seal side by side.",
                "dataset: data.csv\nqkd_key_length: 16");
        Pipeline pipeline = new Pipeline(Clock.systemUTC(), () -> Sandbox.detect(dir.resolve("no-such-bwrap")));
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int attempt = 0; attempt < 10; attempt++) {
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<RunResult>> runs = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        return pipeline.run(RunRequest.of(doc));
                    }));
                }
                Set<String> digests = new HashSet<>();
                Path container = null;
                for (Future<RunResult> run : runs) {
                    RunResult result = run.get();
                    assertEquals(0, result.exitCode(), result.message());
                    digests.add(result.result().get("ciphertext_sha3_256").asString());
                    container = Path.of(result.result().get("heads").get("container").asString());
                }
                assertEquals(threads, digests.size(), "each run its own container's digest, attempt " + attempt);
                String survivor = Digests.sha3_256Hex(Files.readAllBytes(container));
                assertEquals(true, digests.contains(survivor), "the container left is one run's");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
