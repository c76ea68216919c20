package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.testing.ChildProcesses;
import dev.maml.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails midway leaves the original file intact: the real `maml` runs in a child
 * process whose file-size limit (ulimit -f) is smaller than the file it writes, so the kernel stops
 * the write part of the way through.
 */
@EnabledOnOs(OS.LINUX)
class InterruptedWriteTest {

    @Test
    void signingAndReceiptsNeverLeaveAHalfWrittenFile(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("drone.maml.md");
        Files.copy(TestData.example(), doc);
        assertEquals(0, CliRun.of("keygen", "--out", dir.resolve("k").toString()).exitCode());
        byte[] before = Files.readAllBytes(doc);
        assertTrue(before.length > 2048, "the limit must be below the original's size too");

        ChildProcesses.Finished sign = maml(dir, "sign", doc.toString(), "--key", dir.resolve("k.key").toString());
        assertEquals(2, sign.code(), sign.output());
        assertEquals("maml: " + doc + ": File too large", sign.output().strip(), "one line naming the file, no stack trace");
        assertArrayEquals(before, Files.readAllBytes(doc), "the document is unchanged");
        assertEquals(List.of(), leftovers(dir), "no temp file left behind");

        assertEquals(0, CliRun.of("receipt", "create", doc.toString(), "--out", dir.resolve("r.mu").toString()).exitCode());
        byte[] receipt = Files.readAllBytes(dir.resolve("r.mu"));
        ChildProcesses.Finished create = maml(dir, "receipt", "create", doc.toString(), "--key", dir.resolve("k.key").toString(),
                "--out", dir.resolve("r.mu").toString());
        assertEquals(2, create.code(), create.output());
        assertArrayEquals(receipt, Files.readAllBytes(dir.resolve("r.mu")), "the old receipt is unchanged");
        assertEquals(List.of(), leftovers(dir));
    }

    private static List<Path> leftovers(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /**
     * Runs maml in a JVM whose files may not grow beyond 2 KiB (no perf-data file, which would hit
     * the limit too); its stdout and stderr together, without the JVM's own notices.
     */
    private static ChildProcesses.Finished maml(Path dir, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder command = new StringBuilder("ulimit -f 2; exec '" + java + "' -XX:-UsePerfData -cp \"$CP\" dev.maml.cli.Main");
        for (String a : args) {
            command.append(" '").append(a).append('\'');
        }
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", command.toString()).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("CP", System.getProperty("java.class.path"));
        return ChildProcesses.run(pb, ChildProcesses.TIMEOUT);
    }
}
