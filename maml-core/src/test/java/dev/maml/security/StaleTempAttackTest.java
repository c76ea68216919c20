package dev.maml.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.io.AtomicFiles;
import dev.maml.testing.ChildProcesses;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit: `kill -9` during `seal`/`unseal` left a partial `.tmp` with plaintext, forever. A
 * process killed mid-write still leaves it (nothing runs after SIGKILL), but the next write of the
 * same target removes it, and only temp files that are clearly a dead writer's.
 */
@EnabledOnOs(OS.LINUX)
class StaleTempAttackTest {

    @TempDir
    Path dir;

    @Test
    void aWriterKilledWithSigkillLeavesATempThatTheNextWriteRemoves() throws Exception {
        Path target = dir.resolve("plain.txt");
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), KilledWriter.class.getName(),
                target.toString(), "secret plaintext").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("writing", out.readLine(), "the child got as far as writing");
        }
        writer.destroyForcibly(); // SIGKILL on Linux
        assertEquals(137, ChildProcesses.waitFor(writer, Duration.ofSeconds(30), "the killed writer"),
                "killed by SIGKILL (128 + 9)");

        List<Path> left = temps();
        assertEquals(1, left.size(), "the crash leaves its temp file: " + left);
        assertEquals("secret plaintext", Files.readString(left.get(0)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(left.get(0))),
                "and it was never readable by others");
        String name = left.get(0).getFileName().toString();
        assertTrue(name.matches("\\.plain\\.txt\\." + writer.pid() + "\\.\\d+\\.tmp"), name);

        AtomicFiles.write(target, "new".getBytes(), AtomicFiles.OWNER_ONLY);
        assertEquals(List.of(), temps(), "the next write of the same target removed it");
        assertEquals("new", Files.readString(target));
    }

    @Test
    void onlyADeadWritersRegularTempFilesOfTheSameTargetAreRemoved() throws Exception {
        long dead = ChildProcesses.deadPid();
        Process alive = new ProcessBuilder("sleep", "60").start();
        try {
            Path victim = Files.writeString(dir.resolve("victim"), "keep");
            List<Path> kept = List.of(
                    Files.writeString(dir.resolve(".out." + alive.pid() + ".1.tmp"), "a live writer's"),
                    Files.writeString(dir.resolve(".other." + dead + ".1.tmp"), "another target's"),
                    Files.writeString(dir.resolve(".out." + dead + ".tmp"), "not our pattern"),
                    Files.writeString(dir.resolve(".out.x" + dead + ".1.tmp"), "not our pattern either"),
                    Files.createSymbolicLink(dir.resolve(".out." + dead + ".2.tmp"), victim));
            Path stale = Files.writeString(dir.resolve(".out." + dead + ".3.tmp"), "stale");
            AtomicFiles.write(dir.resolve("out"), "x".getBytes());
            assertTrue(Files.notExists(stale), "the dead writer's temp file is gone");
            for (Path p : kept) {
                assertTrue(Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS), p + " kept");
            }
            assertEquals("keep", Files.readString(victim));
        } finally {
            alive.destroy();
        }
    }

    @Test
    void anotherUsersTempFileIsLeftAlone() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "only root can give a file to another user");
        Path foreign = Files.writeString(dir.resolve(".out." + ChildProcesses.deadPid() + ".1.tmp"), "theirs");
        Files.setAttribute(foreign, "unix:uid", 65534);
        AtomicFiles.write(dir.resolve("out"), "x".getBytes());
        assertTrue(Files.exists(foreign));
    }

    private List<Path> temps() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
