package dev.maml.bench;

import dev.maml.lint.LintEngine;
import dev.maml.lint.LintResult;
import dev.maml.lint.LintSettings;
import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lint time of an already parsed document (the rules only, parsing excluded): the canonical
 * example, and a generated document of about {@code megabytes} MB whose body exercises every body
 * rule at scale (long Content, tens of thousands of code blocks and History entries, an
 * Input_Schema of {@code schemaProperties} properties). Run from the repository root so that
 * examples/ is found.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BodyLintBenchmark {

    @Param({"10"})
    public int megabytes;

    /** A realistic schema, and a pathological 2 MB one (meta-schema validation grows with it). */
    @Param({"100", "50000"})
    public int schemaProperties;

    private final LintEngine engine = LintEngine.standard();
    private MamlDocument example;
    private MamlDocument large;

    @Setup(Level.Trial)
    public void parse() throws IOException {
        example = DocumentParser.read(Path.of("examples/drone_communication.maml.md"));
        large = DocumentParser.parse(LargeDocument.text(megabytes * 1024 * 1024, schemaProperties));
    }

    @Benchmark
    public LintResult example() {
        return engine.lint(example, LintSettings.DEFAULTS);
    }

    @Benchmark
    public LintResult large() {
        return engine.lint(large, LintSettings.DEFAULTS);
    }
}
