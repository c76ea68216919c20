package dev.maml.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.run.RunFailure;
import dev.maml.testing.ChildProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's own housekeeping: the block's temp directory is gone after success, failure, timeout
 * and interruption; interrupting the caller kills the whole bwrap process tree before run() returns;
 * and without prlimit, or as root without setpriv, there is no sandbox (a refusal, never a bare run).
 * The missing programs are hidden by running a JVM in a mount namespace where they are /dev/null.
 */
class SandboxLifecycleTest {

    static final Limits QUICK = SandboxTest.QUICK;

    @TempDir
    static Path workDir;
    static Sandbox sandbox;

    /** A sandbox whose temp directories go to {@link #workDir}, so leftovers can be counted. */
    @BeforeAll
    static void sandboxInItsOwnWorkDir() throws RunFailure, IOException {
        // As root the sandbox starts as nobody, who must reach the block file as it does in /tmp.
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwx--x--x"));
        String tmp = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", workDir.toString());
        try {
            sandbox = Sandbox.detect().orRefuse();
        } finally {
            System.setProperty("java.io.tmpdir", tmp);
        }
    }

    private static List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(workDir)) {
            return files.toList();
        }
    }

    @Test
    void theTempDirIsRemovedAfterSuccessFailureAndTimeout() throws Exception {
        assertEquals(BlockStatus.OK, sandbox.run(Language.SH, "echo '{}'\n", null, QUICK).status());
        assertEquals(List.of(), leftovers(), "after success");
        assertEquals(BlockStatus.FAILED, sandbox.run(Language.SH, "exit 3\n", null, QUICK).status());
        assertEquals(List.of(), leftovers(), "after failure");
        BlockResult slow = sandbox.run(Language.SH, "sleep 100\n", null, QUICK.withWall(Duration.ofSeconds(1)));
        assertEquals(BlockStatus.TIMEOUT, slow.status());
        assertEquals(List.of(), leftovers(), "after timeout");
        BlockResult tries = sandbox.run(Language.SH, "chmod 777 /tmp; touch \"$0.extra\" 2>/dev/null; echo '{}'\n", null, QUICK);
        assertEquals(BlockStatus.OK, tries.status(), tries::toString);
        assertEquals(List.of(), leftovers(), "after a block that tried to leave a file next to itself");
    }

    @Test
    void interruptingTheCallerKillsTheWholeProcessTreeBeforeRunReturns() throws Exception {
        String marker = "maml-interrupted-" + UUID.randomUUID();
        String code = "for i in 1 2 3; do (exec -a " + marker + " sleep 1000) & done\nexec -a " + marker + " sleep 1000\n";
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                sandbox.run(Language.BASH, code, null, QUICK.withWall(Duration.ofSeconds(60)));
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "sandbox-caller");
        caller.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (ContainmentTest.processesWith(marker).size() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(4, ContainmentTest.processesWith(marker).size(), "the block's four sleepers started");
        List<ProcessHandle> tree = new ArrayList<>();
        ProcessHandle.current().children().filter(p -> p.info().command().orElse("").endsWith("bwrap"))
                .forEach(p -> {
                    tree.add(p);
                    p.descendants().forEach(tree::add);
                });
        assertFalse(tree.isEmpty(), "bwrap runs as a child of this JVM");

        caller.interrupt();
        caller.join(Duration.ofSeconds(20).toMillis());
        assertFalse(caller.isAlive(), "run() returned after the interrupt");
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
        for (ProcessHandle p : tree) {
            assertFalse(p.isAlive(), "still running after run() returned: " + p.pid() + " " + p.info().command());
        }
        ContainmentTest.assertNoSurvivors(marker);
        assertEquals(List.of(), leftovers(), "after the interrupt");
    }

    @Test
    void withoutPrlimitThereIsNoSandbox() throws Exception {
        String refusal = detectWithout("prlimit");
        assertTrue(refusal.startsWith("refused: no sandbox: prlimit (util-linux) was not found"), refusal);
        assertTrue(refusal.contains("not run"), refusal);
    }

    @Test
    void asRootWithoutSetprivThereIsNoSandbox() throws Exception {
        String refusal = detectWithout("setpriv");
        assertTrue(refusal.startsWith("refused: no sandbox: running as root needs setpriv"), refusal);
    }

    /**
     * Runs {@link DetectProbe} in a JVM inside bwrap that sees the host as it is, as uid 0 (so the
     * root rule applies whoever runs the tests), with /usr/bin/{@code program} and /bin/{@code program}
     * replaced by /dev/null (not a regular file: not found).
     */
    private static String detectWithout(String program) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bwrap", "--unshare-user", "--uid", "0", "--gid", "0",
                "--dev-bind", "/", "/"));
        for (Path dir : List.of(Path.of("/usr/bin"), Path.of("/bin"))) {
            Path target = dir.resolve(program);
            if (Files.exists(target)) {
                command.addAll(List.of("--ro-bind", "/dev/null", target.toString()));
            }
        }
        command.addAll(List.of("--", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DetectProbe.class.getName()));
        ChildProcesses.Finished probe = ChildProcesses.run(new ProcessBuilder(command).redirectErrorStream(true),
                ChildProcesses.TIMEOUT);
        String out = probe.output().strip();
        assertEquals(0, probe.code(), out);
        return out;
    }

    /** Prints what {@link Sandbox#detect()} finds: "available", or "refused: " and the refusal. */
    static final class DetectProbe {
        private DetectProbe() {
        }

        public static void main(String[] args) {
            Detection d = Sandbox.detect();
            System.out.println(d.isAvailable() ? "available" : "refused: " + d.refusal());
        }
    }
}
