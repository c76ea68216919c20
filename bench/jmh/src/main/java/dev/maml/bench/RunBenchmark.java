package dev.maml.bench;

import dev.maml.run.Pipeline;
import dev.maml.run.RunRequest;
import dev.maml.run.RunResult;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * `maml run examples/demo/drone_communication.maml.md`, warm and in-process (target: at most 50 ms):
 * lint, signature check against the trust store, permissions, inputs, BB84 on 128 qubits, quad AES
 * seal of the dataset, ML-DSA-65 key generation (ephemeral), signing and verifying, output check
 * and a receipt written to disk. Runs on a copy of the demo; the receipts of each invocation are
 * removed before the next so the chain does not grow. BB84 runs with a fixed seed (`--seed 1`): with
 * 128 qubits about one run in 5,000 sifts too few bits for a 16-bit key and fails honestly, which
 * would end the benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RunBenchmark {

    private static final List<String> DEMO_FILES = List.of("drone_communication.maml.md",
            "drone_communication_data.csv", "keys/demo-only-drone-security.pub");

    private Path work;
    private Pipeline pipeline;
    private RunRequest request;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path demo = demoDirectory();
        work = Files.createTempDirectory("maml-run-bench");
        for (String name : DEMO_FILES) {
            Path target = work.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(demo.resolve(name), target);
        }
        pipeline = new Pipeline();
        // The demo's key is trusted as the README's first command does it: --trust, no allowed store needed.
        request = RunRequest.builder(work.resolve("drone_communication.maml.md"))
                .trust(List.of(work.resolve("keys/demo-only-drone-security.pub"))).seed(1).build();
        RunResult first = pipeline.run(request);
        if (!first.ok()) {
            throw new IllegalStateException("the demo does not run: " + first.message());
        }
    }

    @Setup(Level.Invocation)
    public void removeReceipts() throws IOException {
        try (DirectoryStream<Path> receipts = Files.newDirectoryStream(work, "*.mu")) {
            for (Path r : receipts) {
                Files.delete(r);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public RunResult runDemo() {
        RunResult result = pipeline.run(request);
        if (!result.ok()) {
            throw new IllegalStateException(result.message());
        }
        return result;
    }

    /** examples/demo above the working directory (JMH runs from wherever the jar is started). */
    private static Path demoDirectory() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path demo = p.resolve("examples/demo");
            if (Files.isDirectory(demo)) {
                return demo;
            }
        }
        throw new IllegalStateException("examples/demo not found above " + Path.of("").toAbsolutePath()
                + "; run the benchmark from the repository");
    }
}
