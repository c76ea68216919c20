package dev.maml.bench;

import dev.maml.quadaes.Keyring;
import dev.maml.quadaes.QuadAes;
import dev.maml.quadaes.RotationResult;
import dev.maml.quadaes.SealOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code maml heads rotate} on real files: load the keyring, open three heads, fresh split, four
 * re-wraps, keyring saved (temp file + fsync + rename), new head table written and forced, old one
 * wiped and forced. The payload is never read, so the time should not depend on {@code size}.
 * Files go to {@code -Dmaml.bench.dir} (default: java.io.tmpdir); put it on the disk you care about,
 * since the three fsyncs dominate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HeadRotationBench {

    @Param({"1048576", "67108864"})
    int size;

    private Path dir;
    private Path keyringFile;
    private Path container;
    private QuadAes quadAes;
    private int head;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory(Path.of(System.getProperty("maml.bench.dir", System.getProperty("java.io.tmpdir"))),
                "maml-rotate-");
        SecureRandom random = new SecureRandom();
        keyringFile = dir.resolve("heads.json");
        Keyring.generate(random).create(keyringFile);
        Path payload = dir.resolve("payload.bin");
        byte[] block = new byte[1 << 20];
        Random fill = new Random(size);
        try (OutputStream out = Files.newOutputStream(payload)) {
            for (int written = 0; written < size; written += block.length) {
                fill.nextBytes(block);
                out.write(block, 0, Math.min(block.length, size - written));
            }
        }
        container = dir.resolve("payload.bin.mqa");
        quadAes = new QuadAes(random);
        quadAes.seal(payload, container, Keyring.load(keyringFile), SealOptions.defaults());
        Files.delete(payload);
    }

    @Benchmark
    public RotationResult rotate() throws IOException {
        head = head % Keyring.HEADS + 1;
        return quadAes.rotate(container, head, keyringFile);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
