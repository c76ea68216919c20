package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard output and standard error merged into one pipe, as {@code 2>&1} and CI logs do: the real
 * `maml` in a fresh JVM prints every finding, whole, before the summary it writes to standard error.
 */
class MergedStreamsTest {

    @TempDir
    Path dir;

    @Test
    void theLintSummaryComesAfterTheLastFindingWhole() throws IOException, InterruptedException {
        // more findings than one buffer of standard output holds
        for (int i = 0; i < 80; i++) {
            Files.writeString(dir.resolve("doc" + i + ".maml.md"), LintCommandTest.NO_FRONT_MATTER);
        }
        Files.writeString(dir.resolve("unclosed.maml.md"), LintCommandTest.UNCLOSED_FENCE);
        CliRun apart = CliRun.of("lint", dir.toString());
        assertTrue(apart.out().length() > 8192, apart.out());
        assertEquals(1, apart.err().lines().count(), apart.err());

        Process maml = new ProcessBuilder(ServerProcess.maml(List.of(), "lint", dir.toString()))
                .redirectErrorStream(true).start();
        maml.getOutputStream().close();
        String merged = new String(maml.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(maml.waitFor(60, TimeUnit.SECONDS), "maml lint did not finish");

        assertEquals(apart.exitCode(), maml.exitValue());
        assertEquals(apart.out() + apart.err(), merged);
    }
}
