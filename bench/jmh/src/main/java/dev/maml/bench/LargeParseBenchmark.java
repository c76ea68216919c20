package dev.maml.bench;

import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to parse one 10 MB document from its bytes, in the heap the spec allows (-Xmx512m):
 * "structured" is a valid document a third each Content prose, fenced code and History entries
 * (about 200,000 elements, all read), "prose" one long section of prose lines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Threads(1)
public class LargeParseBenchmark {

    private static final int SIZE = 10 * 1024 * 1024;

    @Param({"structured", "prose"})
    public String shape;

    private byte[] document;

    @Setup
    public void generate() {
        String text = shape.equals("prose") ? prose() : LargeDocument.text(SIZE, 100);
        document = text.getBytes(StandardCharsets.UTF_8);
    }

    private static String prose() {
        StringBuilder s = new StringBuilder(SIZE + 64);
        s.append("---\nmaml_version: \"2.0.0\"\n---\n## Intent\n");
        while (s.length() < SIZE) {
            s.append("Some prose line with words and more words in it.\n");
        }
        return s.toString();
    }

    @Benchmark
    public MamlDocument parse() {
        return DocumentParser.parse(document);
    }
}
