package dev.maml.bench;

import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Parse throughput over the corpus, on one thread: the MAML parser (bytes to a tree with ranges and a
 * located YAML tree) beside the baseline a user could pick instead, commonmark-java with its YAML
 * front-matter extension and source spans, plus Jackson YAML over the same front matter. Both start
 * from the file's bytes. The "bytes" secondary result is the throughput in bytes per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ParseBenchmark {

    @Param("testdata/corpus/webxos")
    public String corpus;

    private List<byte[]> documents;
    private long corpusBytes;
    private final Parser commonmark = Parser.builder()
            .extensions(List.of(YamlFrontMatterExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private final ObjectMapper yaml = YAMLMapper.builder().build();

    /** Counts the bytes parsed, so JMH reports bytes/s next to corpus passes/s. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup
    public void load() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(corpus))) {
            documents = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".mu"))
                    .filter(p -> !p.getFileName().toString().equals("NOTICE.md"))
                    .sorted()
                    .map(ParseBenchmark::read)
                    .toList();
        }
        corpusBytes = documents.stream().mapToLong(d -> d.length).sum();
        if (documents.isEmpty()) {
            throw new IllegalStateException("no documents under " + Path.of(corpus).toAbsolutePath());
        }
    }

    @Benchmark
    public void maml(Bytes counter, Blackhole bh) {
        for (byte[] doc : documents) {
            MamlDocument parsed = DocumentParser.parse(doc);
            bh.consume(parsed);
        }
        counter.bytes += corpusBytes;
    }

    @Benchmark
    public void commonmarkPlusJacksonYaml(Bytes counter, Blackhole bh) {
        for (byte[] doc : documents) {
            String text = new String(doc, StandardCharsets.UTF_8);
            Node tree = commonmark.parse(text);
            bh.consume(tree);
            String frontMatter = frontMatter(text);
            if (frontMatter != null) {
                try {
                    bh.consume(yaml.readTree(frontMatter));
                } catch (RuntimeException invalidYaml) {
                    bh.consume(invalidYaml);
                }
            }
        }
        counter.bytes += corpusBytes;
    }

    /** The text between a leading "---" line and the next "---" line, as the extension finds it. */
    private static String frontMatter(String text) {
        if (!text.startsWith("---\n") && !text.startsWith("---\r\n")) {
            return null;
        }
        int start = text.indexOf('\n') + 1;
        for (int i = start; i < text.length(); ) {
            int end = text.indexOf('\n', i);
            String line = text.substring(i, end < 0 ? text.length() : end).stripTrailing();
            if (line.equals("---")) {
                return text.substring(start, i);
            }
            if (end < 0) {
                break;
            }
            i = end + 1;
        }
        return null;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
