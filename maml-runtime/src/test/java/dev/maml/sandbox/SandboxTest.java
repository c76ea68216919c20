package dev.maml.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.run.RunFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Ordinary blocks in the real sandbox: JSON in and out, exit codes, stderr, the environment. */
class SandboxTest {

    static final Limits QUICK = Limits.DEFAULT.withCpuSeconds(5).withWall(Duration.ofSeconds(30));

    static Sandbox sandbox;

    @BeforeAll
    static void needsBubblewrap() throws RunFailure {
        // No skipping: these tests are the evidence that the sandbox holds. .ci/run installs bubblewrap.
        sandbox = Sandbox.detect().orRefuse();
    }

    static BlockResult run(Language language, String code, String inputJson, Limits limits) throws IOException, InterruptedException {
        return sandbox.run(language, code, inputJson == null ? null : Json.MAPPER.readTree(inputJson), limits);
    }

    /** A normal block after an abusive one: the runtime is still fine. */
    static void assertHealthy() throws IOException, InterruptedException {
        BlockResult after = run(Language.PYTHON, "import json, sys\nprint(json.dumps({'twice': 2 * json.load(sys.stdin)['n']}))\n",
                "{\"n\": 21}", QUICK);
        assertEquals(BlockStatus.OK, after.status(), after::toString);
        assertEquals(42, after.output().get("twice").asInt());
    }

    @Test
    void jsonOnStdinBecomesJsonOnStdout() throws IOException, InterruptedException {
        BlockResult result = run(Language.PYTHON, """
                import json, sys
                data = json.load(sys.stdin)
                print(json.dumps({"sum": data["a"] + data["b"], "names": sorted(data)}))
                """, "{\"a\": 2, \"b\": 3}", QUICK);
        assertEquals(BlockStatus.OK, result.status(), result::toString);
        assertEquals(0, result.exitCode());
        assertEquals(5, result.output().get("sum").asInt());
        assertEquals("[\"a\",\"b\"]", Json.compact(result.output().get("names")));
        assertNull(result.outputProblem());
        assertEquals("ok", result.toJson().get("status").asString());
        assertEquals(5, result.toJson().get("output").get("sum").asInt());
    }

    @Test
    void noInputMeansAnEmptyObject() throws IOException, InterruptedException {
        BlockResult result = run(Language.SH, "cat\n", null, QUICK);
        assertEquals(BlockStatus.OK, result.status(), result::toString);
        assertTrue(result.output().isObject());
        assertEquals(0, result.output().size());
    }

    @Test
    void nonJsonStdoutIsReportedAsSuch() throws IOException, InterruptedException {
        BlockResult result = run(Language.BASH, "echo 'hello, world'\n", null, QUICK);
        assertEquals(BlockStatus.OK, result.status(), result::toString);
        assertNull(result.output());
        assertTrue(result.outputProblem().startsWith("stdout is not JSON"), result.outputProblem());
        assertEquals("hello, world\n", result.stdoutHead());
        assertEquals("hello, world\n", result.toJson().get("stdout_head").asString());
    }

    @Test
    void twoJsonValuesAreNotOneResult() throws IOException, InterruptedException {
        BlockResult result = run(Language.SH, "echo '{}'; echo '{}'\n", null, QUICK);
        assertNull(result.output());
        assertTrue(result.outputProblem().startsWith("stdout is not JSON"), result.outputProblem());
    }

    @Test
    void emptyStdoutIsSaidPlainly() throws IOException, InterruptedException {
        BlockResult result = run(Language.SH, "true\n", null, QUICK);
        assertEquals(BlockStatus.OK, result.status());
        assertEquals("stdout is empty", result.outputProblem());
    }

    @Test
    void nonZeroExitFailsWithItsCodeAndStderr() throws IOException, InterruptedException {
        BlockResult result = run(Language.SH, "echo partial\necho 'something broke' >&2\nexit 3\n", null, QUICK);
        assertEquals(BlockStatus.FAILED, result.status());
        assertEquals(3, result.exitCode());
        assertEquals("exit code 3", result.detail());
        assertEquals("something broke\n", result.stderrTail());
        assertFalse(result.stderrTruncated());
    }

    @Test
    void pythonExceptionFailsWithTheTraceback() throws IOException, InterruptedException {
        BlockResult result = run(Language.PYTHON, "raise ValueError('bad input')\n", null, QUICK);
        assertEquals(BlockStatus.FAILED, result.status());
        assertEquals(1, result.exitCode());
        assertTrue(result.stderrTail().contains("ValueError: bad input"), result.stderrTail());
    }

    @Test
    void onlyTheEndOfALongStderrIsKept() throws IOException, InterruptedException {
        Limits limits = QUICK.withStderrTailBytes(1024);
        BlockResult result = run(Language.PYTHON, """
                import sys
                for i in range(5000):
                    print("noise line", i, "é", file=sys.stderr)
                print("LAST LINE", file=sys.stderr)
                """, null, limits);
        assertEquals(BlockStatus.OK, result.status(), result::toString);
        assertTrue(result.stderrTruncated());
        assertTrue(result.stderrTail().endsWith("noise line 4999 é\nLAST LINE\n"), result.stderrTail());
        assertTrue(result.stderrTail().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 1024);
        assertFalse(result.stderrTail().contains("\uFFFD"), "a cut UTF-8 sequence is dropped, not garbled");
    }

    @Test
    void bashAndShAreTheRealShells() throws IOException, InterruptedException {
        BlockResult bash = run(Language.BASH, "a=(x y z); [[ ${#a[@]} -eq 3 ]] && echo \"{\\\"bash\\\": \\\"$BASH_VERSION\\\"}\"\n",
                null, QUICK);
        assertEquals(BlockStatus.OK, bash.status(), bash::toString);
        assertFalse(bash.output().get("bash").asString().isEmpty());
        BlockResult sh = run(Language.SH, "printf '{\"n\": %d}' $((6 * 7))\n", null, QUICK);
        assertEquals(42, sh.output().get("n").asInt(), sh::toString);
    }

    @Test
    void blockRunsAsNobodyWithoutCapabilitiesAndWithACleanEnvironment() throws IOException, InterruptedException {
        BlockResult result = run(Language.PYTHON, """
                import json, os
                status = dict(line.split(":\\t", 1) for line in open("/proc/self/status").read().splitlines() if ":\\t" in line)
                print(json.dumps({"uid": os.getuid(), "gid": os.getgid(), "cwd": os.getcwd(),
                                  "caps": [status[k].strip() for k in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb")],
                                  "no_new_privs": status["NoNewPrivs"].strip(),
                                  "env": sorted(os.environ), "hostname": os.uname().nodename,
                                  "pid": os.getpid()}))
                """, null, QUICK);
        assertEquals(BlockStatus.OK, result.status(), result::toString);
        JsonNode out = result.output();
        assertEquals(65534, out.get("uid").asInt());
        assertEquals(65534, out.get("gid").asInt());
        assertEquals("/tmp", out.get("cwd").asString());
        out.get("caps").forEach(cap -> assertEquals("0000000000000000", cap.asString()));
        assertEquals("1", out.get("no_new_privs").asString());
        assertEquals("[\"HOME\",\"LANG\",\"PATH\",\"PWD\",\"TMPDIR\"]", Json.compact(out.get("env")));
        assertEquals("maml-sandbox", out.get("hostname").asString());
        assertTrue(out.get("pid").asInt() < 10, "own pid namespace: " + out.get("pid"));
    }

    @Test
    void blocksRunSideBySideWithoutMixingUp() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<BlockResult>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String input = "{\"n\": " + i + "}";
                runs.add(pool.submit(() -> run(Language.PYTHON,
                        "import json, sys\nprint(json.dumps({'square': json.load(sys.stdin)['n'] ** 2}))\n", input, QUICK)));
            }
            for (int i = 0; i < runs.size(); i++) {
                BlockResult result = runs.get(i).get();
                assertEquals(BlockStatus.OK, result.status(), result::toString);
                assertEquals(i * i, result.output().get("square").asInt());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void missingBubblewrapIsRefusedWithAnInstallHint() {
        Detection detection = Sandbox.detect(java.nio.file.Path.of("/nonexistent/bin/bwrap"));
        assertFalse(detection.isAvailable());
        assertTrue(detection.refusal().contains("/nonexistent/bin/bwrap"), detection.refusal());
        assertTrue(detection.refusal().contains("apt-get install bubblewrap"), detection.refusal());
        assertTrue(detection.refusal().contains("not run"), detection.refusal());
        RunFailure failure = org.junit.jupiter.api.Assertions.assertThrows(RunFailure.class, detection::orRefuse);
        assertEquals(RunFailure.REFUSED, failure.exitCode());
        assertEquals(detection.refusal(), failure.getMessage());
    }

    @Test
    void aProgramThatIsNotBubblewrapIsRefusedByTheProbe() {
        Detection detection = Sandbox.detect(java.nio.file.Path.of("/bin/false"));
        assertFalse(detection.isAvailable());
        assertTrue(detection.refusal().contains("cannot create one here"), detection.refusal());
    }

    @Test
    void resultJsonNamesTheStatusAsTheSpecDoes() throws IOException, InterruptedException {
        BlockResult result = run(Language.SH, "exit 1\n", null, QUICK);
        assertEquals("failed", result.toJson().get("status").asString());
        assertEquals(1, result.toJson().get("exit_code").asInt());
        assertNotNull(result.toJson().get("millis"));
    }
}
