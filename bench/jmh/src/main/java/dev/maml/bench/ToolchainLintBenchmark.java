package dev.maml.bench;

import dev.maml.model.FileKind;
import dev.maml.report.Json;
import dev.maml.report.LintReport;
import dev.maml.report.LintedFile;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Source;
import dev.maml.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * The work of the MCP tool `lint` without the protocol: a document's text through the Toolchain to
 * the JSON `maml lint --format json` prints, sampled per call (p50/p99), beside bench/mcp/latency.mjs,
 * which times the same call over `maml mcp` (bench/mcp-latency.sh runs both).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ToolchainLintBenchmark {

    @Param("examples/drone_communication.maml.md")
    public String document;

    private final Toolchain toolchain = new Toolchain();
    private Session session;
    private String text;

    @Setup
    public void read() throws IOException {
        text = Files.readString(Path.of(document));
        session = Session.standard();
    }

    @Benchmark
    public String lintToJson() {
        Source source = Source.of(text, null, FileKind.DOCUMENT);
        return Json.compact(LintReport.json(List.of(LintedFile.of("document.maml.md", toolchain.lint(source, session).result()))));
    }
}
