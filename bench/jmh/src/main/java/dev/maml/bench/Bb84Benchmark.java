package dev.maml.bench;

import dev.maml.qkd.Bb84;
import dev.maml.qkd.Bb84Parameters;
import dev.maml.qkd.Bb84Result;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * BB84 simulation speed: qubits per second through Strange and the whole protocol, and the time to a
 * 256-bit final key. Each run draws from a SecureRandom, as the run pipeline does.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Bb84Benchmark {

    private static final int QUBITS = 1024;

    /** 1024 qubits sift to ~512, of which ~384 remain after sampling: room for 256 bits, margin and leak. */
    private static final Bb84Parameters KEY_256 = Bb84Parameters.defaults().withRawQubits(QUBITS).withKeyLength(256);

    /** The spec's defaults, which the drone example uses: 128 qubits, a 16-bit key. */
    private static final Bb84Parameters DEFAULTS = Bb84Parameters.defaults();

    private final SecureRandom rng = new SecureRandom();

    /** Throughput per qubit (scores are qubits/s). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(QUBITS)
    public Bb84Result qubits() {
        return Bb84.run(KEY_256, rng);
    }

    /** One full run ending in a 256-bit key (scores are ms per key). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Bb84Result key256() {
        return requireKey(Bb84.run(KEY_256, rng));
    }

    /**
     * The default run (scores are ms per run). Not checked for a key: about one default run in several
     * thousand sifts too few bits and honestly reports too few qubits.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Bb84Result defaults16() {
        return Bb84.run(DEFAULTS, rng);
    }

    /** A benchmark of runs that silently failed would measure the wrong thing; 1024 qubits never fall short of 256 bits. */
    private static Bb84Result requireKey(Bb84Result result) {
        if (!result.hasKey()) {
            throw new IllegalStateException(result.message());
        }
        return result;
    }
}
