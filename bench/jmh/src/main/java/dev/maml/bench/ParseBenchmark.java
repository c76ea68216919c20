package dev.maml.bench;

import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * located YAML tree) beside the baseline a user could pick instead: the front matter split off the
 * way commonmark-java's YAML front-matter extension finds it, parsed by Jackson YAML, and the body
 * parsed by commonmark-java core with source spans. The extension itself is not used because its
 * 0.32.0 artifact is not served by the registry; its key/value scan would only add work to the peer.
 * Both start from the file's bytes. The "bytes" secondary result is the throughput in bytes per second.
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
    public String corpus = "testdata/corpus/webxos";

    private List<byte[]> documents;
    private long corpusBytes;
    private final Parser commonmark = Parser.builder()
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
        maml(bh::consume);
        counter.bytes += corpusBytes;
    }

    @Benchmark
    public void commonmarkPlusJacksonYaml(Bytes counter, Blackhole bh) {
        commonmarkPlusJacksonYaml(bh::consume);
        counter.bytes += corpusBytes;
    }

    /** One pass of maml over the corpus; {@code sink} takes every result (JMH's Blackhole, or {@link ParseRounds}'). */
    void maml(Consumer<Object> sink) {
        for (byte[] doc : documents) {
            MamlDocument parsed = DocumentParser.parse(doc);
            sink.accept(parsed);
        }
    }

    /** One pass of the baseline over the corpus. */
    void commonmarkPlusJacksonYaml(Consumer<Object> sink) {
        for (byte[] doc : documents) {
            String text = new String(doc, StandardCharsets.UTF_8);
            FrontMatterSplit split = FrontMatterSplit.of(text);
            Node tree = commonmark.parse(split.body());
            sink.accept(tree);
            if (split.frontMatter() != null) {
                try {
                    sink.accept(yaml.readTree(split.frontMatter()));
                } catch (RuntimeException invalidYaml) {
                    sink.accept(invalidYaml);
                }
            }
        }
    }

    long corpusBytes() {
        return corpusBytes;
    }

    /**
     * A document cut the way commonmark-java's YAML front-matter extension (0.32.0,
     * YamlFrontMatterBlockParser) cuts it: the block opens on the document's first non-blank line if
     * that line matches {@code ---(\s.*)?}, closes on the next line matching {@code (---|\.\.\.)(\s.*)?},
     * and runs to the end of the document when no such line follows. Without an opening line the whole
     * text is the body.
     */
    record FrontMatterSplit(String frontMatter, String body) {
        private static final Pattern BEGIN = Pattern.compile("-{3}(\\s.*)?");
        private static final Pattern END = Pattern.compile("(-{3}|\\.{3})(\\s.*)?");

        static FrontMatterSplit of(String text) {
            int i = 0;
            boolean open = false;
            int start = -1;
            while (i < text.length()) {
                int nl = text.indexOf('\n', i);
                int next = nl < 0 ? text.length() : nl + 1;
                String line = text.substring(i, nl < 0 ? text.length() : nl);
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (!open) {
                    if (line.isBlank()) {
                        i = next;
                        continue;
                    }
                    if (!BEGIN.matcher(line).matches()) {
                        return new FrontMatterSplit(null, text);
                    }
                    open = true;
                    start = next;
                } else if (END.matcher(line).matches()) {
                    return new FrontMatterSplit(text.substring(start, i), text.substring(next));
                }
                i = next;
            }
            return open ? new FrontMatterSplit(text.substring(start), "") : new FrontMatterSplit(null, text);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
