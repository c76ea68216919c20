package dev.maml.bench;

import dev.maml.report.Json;
import dev.maml.run.RunFailure;
import dev.maml.sandbox.BlockResult;
import dev.maml.sandbox.Language;
import dev.maml.sandbox.Limits;
import dev.maml.sandbox.Sandbox;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

/**
 * What the sandbox costs per code block: bwrap + namespaces + prlimit + interpreter start, for the
 * smallest shell block and for a Python block that reads JSON and prints JSON.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SandboxBench {

    private Sandbox sandbox;
    private JsonNode input;

    @Setup
    public void setUp() throws RunFailure {
        sandbox = Sandbox.detect().orRefuse();
        input = Json.MAPPER.readTree("{\"a\": 2, \"b\": 3}");
    }

    @Benchmark
    public BlockResult shellExit0() throws IOException, InterruptedException {
        return check(sandbox.run(Language.SH, "exit 0\n", input, Limits.DEFAULT));
    }

    @Benchmark
    public BlockResult pythonJsonRoundTrip() throws IOException, InterruptedException {
        return check(sandbox.run(Language.PYTHON,
                "import json, sys\nd = json.load(sys.stdin)\nprint(json.dumps({'sum': d['a'] + d['b']}))\n",
                input, Limits.DEFAULT));
    }

    private static BlockResult check(BlockResult result) {
        if (!result.ok()) {
            throw new IllegalStateException("block failed in the benchmark: " + result.toJson());
        }
        return result;
    }
}
