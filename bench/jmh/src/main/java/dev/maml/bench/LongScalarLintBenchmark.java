package dev.maml.bench;

import dev.maml.lint.LintEngine;
import dev.maml.lint.LintResult;
import dev.maml.lint.LintSettings;
import dev.maml.parse.DocumentParser;
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
 * Parse and lint of a document whose front matter is one long plain scalar (issue 10: it was
 * quadratic, 10 MB in 43 s). Time per MB should stay flat from 1 to 10 MB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Threads(1)
public class LongScalarLintBenchmark {

    @Param({"1", "4", "10"})
    public int megabytes;

    private String document;

    @Setup
    public void generate() {
        document = "---\nmaml_version: \"2.0.0\"\ndescription: " + "a".repeat(megabytes * 1024 * 1024) + "\n---\n## Intent\nx\n";
    }

    @Benchmark
    public LintResult lint() {
        return LintEngine.standard().lint(DocumentParser.parse(document), LintSettings.DEFAULTS);
    }
}
