package dev.maml.sandbox;

import static dev.maml.sandbox.SandboxTest.QUICK;
import static dev.maml.sandbox.SandboxTest.assertHealthy;
import static dev.maml.sandbox.SandboxTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.run.RunFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile blocks against the real sandbox: each is stopped or denied and reported, nothing it
 * started outlives it, and an ordinary block runs fine afterwards.
 */
class ContainmentTest {

    @BeforeAll
    static void needsBubblewrap() throws RunFailure {
        SandboxTest.needsBubblewrap();
    }

    @Test
    void noNetworkNotEvenTheHostsLoopback() throws IOException, InterruptedException {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // the listener is reachable from the host, so only the sandbox can make the block's attempt fail
            try (Socket fromHost = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                assertTrue(fromHost.isConnected());
            }
            BlockResult result = run(Language.PYTHON, """
                    import json, socket, sys
                    def attempt(host, port):
                        try:
                            socket.create_connection((host, port), timeout=3).close()
                            return "connected"
                        except OSError as e:
                            return type(e).__name__ + ": " + str(e)
                    port = json.load(sys.stdin)["port"]
                    print(json.dumps({"loopback": attempt("127.0.0.1", port), "internet": attempt("1.1.1.1", 53),
                                      "dns": attempt("example.com", 80),
                                      "interfaces": [name for _, name in socket.if_nameindex()]}))
                    """, "{\"port\": " + listener.getLocalPort() + "}", QUICK);
            assertEquals(BlockStatus.OK, result.status(), result::toString);
            JsonNode out = result.output();
            assertTrue(out.get("loopback").asString().startsWith("ConnectionRefusedError"), out::toString);
            assertTrue(out.get("internet").asString().contains("Network is unreachable"), out::toString);
            assertTrue(out.get("dns").asString().startsWith("gaierror"), out::toString);
            assertEquals("[\"lo\"]", Json.compact(out.get("interfaces")));
        }
        assertHealthy();
    }

    @Test
    void homeProjectAndHostSecretsAreNotVisible() throws IOException, InterruptedException {
        Path project = Path.of("").toAbsolutePath();
        Path canary = Files.createDirectories(project.resolve("target")).resolve("sandbox-canary-" + UUID.randomUUID());
        Files.writeString(canary, "secret");
        try {
            List<String> hidden = List.of(System.getProperty("user.home"), project.toString(), canary.toString(),
                    "/root", "/home", "/work", "/etc/shadow", "/etc/passwd", "/etc/hostname", "/var", "/run", "/opt",
                    "/sys", "/proc/sys/kernel/../../1/root/etc/shadow");
            ObjectNode input = Json.object();
            input.putArray("paths").addAll(Stream.concat(hidden.stream(), Stream.of("/usr/bin/python3"))
                    .map(p -> Json.MAPPER.getNodeFactory().stringNode(p)).toList());
            BlockResult result = run(Language.PYTHON, """
                    import json, os, sys
                    def look(path):
                        try:
                            if os.path.isdir(path):
                                return "listed " + str(len(os.listdir(path)))
                            with open(path, "rb") as f:
                                return "read " + str(len(f.read()))
                        except OSError as e:
                            return type(e).__name__
                    print(json.dumps({p: look(p) for p in json.load(sys.stdin)["paths"]}))
                    """, Json.compact(input), QUICK);
            assertEquals(BlockStatus.OK, result.status(), result::toString);
            for (String path : hidden) {
                assertEquals("FileNotFoundError", result.output().get(path).asString(), path);
            }
            assertTrue(result.output().get("/usr/bin/python3").asString().startsWith("read "), "the system is visible");
        } finally {
            Files.delete(canary);
        }
        assertHealthy();
    }

    @Test
    void onlyTheTempDirIsWritable() throws IOException, InterruptedException {
        BlockResult result = run(Language.PYTHON, """
                import json
                def write(path, text="x"):
                    try:
                        with open(path, "w") as f:
                            f.write(text)
                        return "written"
                    except OSError as e:
                        return type(e).__name__ + ": " + e.strerror
                sysctl = "/proc/sys/kernel/printk_ratelimit"
                current = open(sysctl).read()
                print(json.dumps({
                    "/usr/evil": write("/usr/evil"), "/usr/bin/python3": write("/usr/bin/python3"),
                    "/evil": write("/evil"), "/etc/evil": write("/etc/evil"), "/sandbox/block": write("/sandbox/block"),
                    "/sandbox/evil": write("/sandbox/evil"), "/dev/evil": write("/dev/evil"),
                    "/dev/shm/evil": write("/dev/shm/evil"), "/dev/null": write("/dev/null"),
                    sysctl: write(sysctl, current),  # the current value: harmless even if the sandbox failed
                    "/tmp/fine": write("/tmp/fine")}))
                """, null, QUICK);
        assertEquals(BlockStatus.OK, result.status(), result::toString);
        JsonNode out = result.output();
        assertEquals("written", out.get("/tmp/fine").asString());
        assertEquals("written", out.get("/dev/null").asString());
        for (String denied : List.of("/usr/evil", "/usr/bin/python3", "/evil", "/etc/evil", "/sandbox/block",
                "/sandbox/evil", "/dev/evil", "/dev/shm/evil", "/proc/sys/kernel/printk_ratelimit")) {
            String outcome = out.get(denied).asString();
            assertTrue(outcome.contains("Read-only file system") || outcome.contains("Permission denied"),
                    denied + ": " + outcome);
        }
        assertHealthy();
    }

    @Test
    void forkBombIsCappedAndKilledWithEveryChild() throws IOException, InterruptedException {
        String marker = "maml-fork-bomb-" + UUID.randomUUID();
        // every copy catches the failed fork and tries again: only the wall clock ends it
        BlockResult result = run(Language.BASH, "exec -a " + marker + " /usr/bin/python3 -c '"
                        + "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n'\n",
                null, QUICK.withProcesses(32).withWall(Duration.ofSeconds(3)));
        assertEquals(BlockStatus.TIMEOUT, result.status(), result::toString);
        assertNoSurvivors(marker);
        assertHealthy();
    }

    @Test
    void processLimitCountsOnlyThisSandbox() throws IOException, InterruptedException {
        BlockResult result = run(Language.PYTHON, """
                import json, os, time
                started = 0
                for _ in range(200):
                    try:
                        if os.fork() == 0:
                            time.sleep(30)
                            os._exit(0)
                        started += 1
                    except OSError:
                        break
                print(json.dumps({"started": started}))
                """, null, QUICK.withProcesses(16));
        assertEquals(BlockStatus.OK, result.status(), result::toString);
        int started = result.output().get("started").asInt();
        // 16 minus the block itself and bwrap's init; the host has far more processes than that
        assertTrue(started > 0 && started < 16, "children started: " + started);
        assertHealthy();
    }

    @Test
    void endlessCpuLoopIsStoppedByTheCpuLimit() throws IOException, InterruptedException {
        // a long wall limit: only the CPU limit may stop it, however slow the machine is
        BlockResult result = run(Language.PYTHON, "while True:\n    pass\n", null,
                QUICK.withCpuSeconds(1).withWall(Duration.ofSeconds(120)));
        assertEquals(BlockStatus.KILLED_BY_LIMIT, result.status(), result::toString);
        assertEquals(128 + 24, result.exitCode());
        assertTrue(result.detail().contains("CPU time limit of 1 s"), result.detail());
        assertHealthy();
    }

    @Test
    void ignoringSigxcpuMeetsTheHardCpuLimit() throws IOException, InterruptedException {
        BlockResult result = run(Language.PYTHON, """
                import signal
                signal.signal(signal.SIGXCPU, signal.SIG_IGN)
                while True:
                    pass
                """, null, QUICK.withCpuSeconds(1).withWall(Duration.ofSeconds(120)));
        assertEquals(BlockStatus.KILLED_BY_LIMIT, result.status(), result::toString);
        assertEquals(128 + 9, result.exitCode());
        assertHealthy();
    }

    @Test
    void sleepingForeverIsStoppedByTheWallClock() throws IOException, InterruptedException {
        String marker = "maml-sleeper-" + UUID.randomUUID();
        BlockResult result = run(Language.BASH, "for i in 1 2 3; do (exec -a " + marker + " sleep 1000) & done\n"
                + "exec -a " + marker + " sleep 1000\n", null, QUICK.withWall(Duration.ofSeconds(2)));
        assertEquals(BlockStatus.TIMEOUT, result.status(), result::toString);
        assertTrue(result.detail().contains("wall-clock limit of 2000 ms"), result.detail());
        assertNoSurvivors(marker);
        assertHealthy();
    }

    @Test
    void allocatingAGigabyteFails() throws IOException, InterruptedException {
        BlockResult result = run(Language.PYTHON, "big = bytearray(1 << 30)\nprint('allocated')\n", null,
                QUICK.withMemoryBytes(256L << 20));
        assertEquals(BlockStatus.FAILED, result.status(), result::toString);
        assertTrue(result.stderrTail().contains("MemoryError"), result.stderrTail());
        assertEquals("stdout is empty", result.outputProblem());
        assertHealthy();
    }

    @Test
    void hundredMegabytesOfStdoutAreCutOff() throws IOException, InterruptedException {
        BlockResult result = run(Language.PYTHON, """
                import sys
                chunk = "x" * (1 << 20)
                for _ in range(100):
                    sys.stdout.write(chunk)
                """, null, QUICK.withOutputBytes(1 << 20));
        assertEquals(BlockStatus.OUTPUT_TOO_LARGE, result.status(), result::toString);
        assertTrue(result.detail().startsWith("stdout exceeded 1048576 bytes"), result.detail());
        assertNull(result.output());
        assertEquals("stdout was cut at 1048576 bytes", result.outputProblem());
        assertEquals(BlockResult.HEAD_CHARS, result.stdoutHead().length());
        assertHealthy();
    }

    @Test
    void hundredMegabytesOfStderrAreCutOffToo() throws IOException, InterruptedException {
        BlockResult result = run(Language.SH, "head -c 100000000 /dev/zero | tr '\\0' e >&2\n", null,
                QUICK.withOutputBytes(1 << 20));
        assertEquals(BlockStatus.OUTPUT_TOO_LARGE, result.status(), result::toString);
        assertTrue(result.detail().startsWith("stderr exceeded"), result.detail());
        assertTrue(result.stderrTruncated());
        assertTrue(result.stderrTail().length() <= QUICK.stderrTailBytes());
        assertHealthy();
    }

    @Test
    void aHugeFileIsStoppedByTheFileSizeLimit() throws IOException, InterruptedException {
        BlockResult result = run(Language.SH, "exec head -c 10000000 /dev/zero > /tmp/big\n", null,
                QUICK.withFileBytes(1 << 20));
        assertEquals(BlockStatus.KILLED_BY_LIMIT, result.status(), result::toString);
        assertEquals(128 + 25, result.exitCode());
        assertTrue(result.detail().contains("file size limit of 1048576 bytes"), result.detail());
        assertHealthy();
    }

    @Test
    void manySmallFilesCannotFillTheHostsMemory() throws IOException, InterruptedException {
        BlockResult result = run(Language.PYTHON, """
                for i in range(64):
                    with open("/tmp/f%d" % i, "wb") as f:
                        f.write(b"\\0" * (1 << 20))
                """, null, QUICK.withFileBytes(1 << 20).withTmpBytes(8L << 20));
        assertEquals(BlockStatus.FAILED, result.status(), result::toString);
        assertTrue(result.stderrTail().contains("No space left on device"), result.stderrTail());
        assertHealthy();
    }

    /** run() returns only once the sandbox is torn down: no process may still carry the marker. */
    static void assertNoSurvivors(String marker) throws IOException {
        assertEquals(List.of(), processesWith(marker), "processes of the block outlived its sandbox");
    }

    static List<Long> processesWith(String marker) throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> cmdline(p).contains(marker))
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .toList();
        }
    }

    private static String cmdline(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // the process ended while we looked
        }
    }
}
