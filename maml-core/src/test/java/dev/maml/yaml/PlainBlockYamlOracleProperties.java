package dev.maml.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.model.FrontMatter;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.parse.DocumentParser;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link PlainBlockYaml}, the reader of common front matter, against the oracle: the full reader
 * (SnakeYAML through Jackson). Wherever the fast path gives a node, the full reader must give the
 * same node (values, types, styles, lexical forms, ranges, sizes, key order) and no finding; the
 * fast path must give up on everything else, so errors and limits stay the full reader's.
 */
class PlainBlockYamlOracleProperties {

    private static final List<String> KEYS = List.of("title", "id", "a", "b", "c", "null", "true", "on", "k-1",
            "_x", "A9", "1a", "a b", "a.b", "\"q\"", "'s'", "-", "?", "<<", "&a a", "*a", "!t a", "a\t", "é");

    private static final List<String> VALUES = List.of("x", "hello world", "null", "Null", "NULL", "~", "true",
            "False", "yes", "0", "1", "-1", "+1", "007", "0x1F", "0o17", "1.0", "1e5", "1.5e-3", ".5", ".inf", ".NaN",
            "123456789012345", "1234567890123456", "99999999999999999999", "2025-10-24T12:40:00Z", "2025-10-24",
            "4:1", "a:b", "a: b", "a:", "a :b", "C#", "a #c", "#c", "http://x.y/z?q=1", "a, b", "a]", "{a", "x}",
            "\"\"", "''", "\"q\"", "\"a b\"", "\"a\\\"b\"", "\"a\\nb\"", "\"a#b\"", "\"a: b\"", "'s'", "'it''s'",
            "'a\\b'", "\"é\"", "é", "\"\uD83D\uDE80\"", "[]", "[a]", "[a, b]", "[\"a\", \"b\"]", "[a,b]", "[ a ]",
            "[a, ]", "[null, 1, x.y, a-b]", "[\"a\", [b]]", "[a: b]", "{a: 1}", "{}", "&a x", "*a", "!t x", "!!str 1",
            "|", ">", "|\n  block", "- x", "-", "?", ":", "%x", "@x", "`x", "x\t", "x ", "\tx", " x", "a\r", "x\n  more",
            "'multi\n  line'", "\"unclosed", "'unclosed", "]", "@", "", "  x", "x  ", "a  b", "\"q\"  ", "\"q\"x",
            "\"q\" #c", "'q'#c", "[a] #c", "[a]x", "{a: b, c: \"d\"}", "{a: b,c: d}", "{ a: b }", "{a: b, a: c}",
            "{a:b}", "{a: [b]}", "{a: b} #c", "{\"a\": b}", "{a: null, b: 1}", "x # c", "x #", "# c", "x#y", "a\u00A0b",
            "\"\u2028\"", "a\u2028b", "\u00E9t\u00E9", "\uFEFFx", "\"\uFFFE\"", "x # \uD83D\uDE80", "x # \t",
            "[\"a\", \"b\"] # c", "1_000", "0.", "1.5.6", "-.5", "12345678901234567890x", "1e999999999999999999",
            "{ a: b , c:  d }", "[ a , \"b\" ]", "[a ,b]", "[a,]", "[,a]", "{a: b,}", "{ }", "[ ]", "[a b]", "{a b: c}",
            "{a : b}", "{a:  b}", "{a: b c}", "a: b", "a:", "a: [b]", "b: \"c\" #d", "a:  b", "a :b");

    @Example
    void everyFrontMatterOfTheCorpusExamplesAndTestDocumentsReadsAsTheFullReaderReadsIt() throws IOException {
        Set<Path> files = TestData.allDocuments();
        int frontMatters = 0;
        int fast = 0;
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            FrontMatter frontMatter = DocumentParser.parse(text).frontMatter();
            if (frontMatter == null) {
                continue;
            }
            frontMatters++;
            fast += assertSameReading(text, frontMatter.content(), file.toString()) ? 1 : 0;
            // the fast path reads LF only: with CRLF the full reader must be the one to read
            String crlf = text.replace("\n", "\r\n");
            MamlDocument crlfDoc = DocumentParser.parse(crlf);
            assertNull(PlainBlockYaml.read(crlf, crlfDoc.frontMatter().content().start(),
                    crlfDoc.frontMatter().content().end()), file + " with CRLF");
        }
        assertTrue(frontMatters > 300, "front matters found: " + frontMatters);
        // the fast path must carry most of the corpus, or it is not worth having
        assertTrue(fast > frontMatters / 2, "read by the fast path: " + fast + " of " + frontMatters);
    }

    @Property(tries = 4000)
    void generatedFrontMattersReadAsTheFullReaderReadsThem(@ForAll("frontMatter") String yaml) {
        String text = "---\n" + yaml + "---\n";
        boolean fast = assertSameReading(text, Range.of(4, 4 + yaml.length()), yaml);
        Statistics.label("reader").collect(fast ? "fast path" : "full reader");
        // both readers must be exercised, or the comparison proves little
        Statistics.label("reader").coverage(checker -> {
            checker.check("fast path").percentage(p -> p > 20);
            checker.check("full reader").percentage(p -> p > 20);
        });
    }

    @Example
    void theSubsetIsReadByTheFastPath() {
        String yaml = """
                title: Hello
                id: "urn:uuid:1"
                nothing:
                tags: [a, "b c", null]
                nested:
                  list:
                    - one
                    - 'two'
                  n: 1.5
                last: null
                """;
        String text = "---\n" + yaml + "---\n";
        assertTrue(assertSameReading(text, Range.of(4, 4 + yaml.length()), yaml));
    }

    @Example
    void deepAndLargeFrontMattersAreLeftToTheFullReaderAndItsLimits() {
        // nesting: 30 levels are the fast path's, 40 the full reader's
        assertTrue(assertSameReading(deepDocument(30), Range.of(4, deepDocument(30).length() - 4), "30 levels"));
        assertTrue(!assertSameReading(deepDocument(40), Range.of(4, deepDocument(40).length() - 4), "40 levels"));
        // 250 levels (one space each, every line of the subset): the full reader's depth limit (200) refuses it
        String deep = deepDocument(250);
        YamlResult refused = YamlReader.read(deep, Range.of(4, deep.length() - 4));
        assertNull(refused.root());
        assertEquals(1, refused.diagnostics().size());
        // just over the fast path's size: a flat front matter the full reader reads
        StringBuilder large = new StringBuilder();
        for (int i = 0; large.length() <= 16 * 1024; i++) {
            large.append("key").append(i).append(": value\n");
        }
        String largeText = "---\n" + large + "---\n";
        Range largeContent = Range.of(4, 4 + large.length());
        assertTrue(!assertSameReading(largeText, largeContent, "over 16 KB"));
        assertTrue(YamlReader.read(largeText, largeContent).root() instanceof YamlMapping);
    }

    /** A document whose front matter nests {@code levels} mappings, one space deeper each. */
    private static String deepDocument(int levels) {
        StringBuilder text = new StringBuilder("---\n");
        for (int level = 0; level < levels; level++) {
            text.append(" ".repeat(level)).append("k:\n");
        }
        return text.append("---\n").toString();
    }

    /** Whether the fast path read it; fails when its reading differs from the full reader's. */
    private static boolean assertSameReading(String text, Range content, String what) {
        YamlNode fast = PlainBlockYaml.read(text, content.start(), content.end());
        YamlResult full = YamlReader.readFully(text, content);
        YamlResult read = YamlReader.read(text, content);
        if (fast == null) {
            assertEquals(full, read, what);
            return false;
        }
        assertEquals(List.of(), full.diagnostics(), what);
        assertEquals(full.root(), fast, what);
        assertEquals(full, read, what);
        return true;
    }

    @Provide
    Arbitrary<String> frontMatter() {
        Arbitrary<String> line = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 15), Arbitraries.of(KEYS), Arbitraries.of(VALUES),
                Arbitraries.of("", "", "", "", " ", "  ", " ")).as((level, kind, key, value, extra) -> {
                    String indent = "  ".repeat(level) + extra;
                    return switch (kind) {
                        case 0, 1, 2, 3, 4, 5 -> indent + key + ": " + value;
                        case 6, 7 -> indent + key + ":";
                        case 8, 9 -> indent + "- " + value;
                        case 10 -> indent + key + ":  " + value;
                        case 11 -> indent + key + ":" + value;
                        case 12 -> "";
                        case 13 -> indent + "# note" + value;
                        case 14 -> indent + key + ": " + value + " # note";
                        default -> indent + key + ":   ";
                    };
                });
        // well-formed nesting (so the fast path is tested deeply), with some lines of anything put in
        return Combinators.combine(Arbitraries.randomValue(PlainBlockYamlOracleProperties::nested),
                Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(List.<String>of())), Tuple.of(1, line.list().ofSize(1))),
                Arbitraries.of("\n", "\n", "")).as((text, bad, last) -> {
                    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                    for (int i = 0; i < bad.size(); i++) {
                        lines.add(Math.floorMod(bad.get(i).hashCode(), lines.size() + 1), bad.get(i));
                    }
                    return String.join("\n", lines).strip().isEmpty() ? "" : String.join("\n", lines) + last;
                });
    }

    private static final List<String> GOOD_KEYS = List.of("title", "id", "a", "b", "c", "d", "null", "k-1");
    private static final List<String> GOOD_VALUES = List.of("x", "hello world", "null", "1", "1.5", "true", "~",
            "\"q\"", "'s'", "[a, \"b\"]", "[ ]", "{a: b, c: \"d\"}", "{ }", "2025-10-24T12:40:00Z", "x # c", "C#",
            "\u00E9t\u00E9", "\"\u00E9\"", "a:b", "123456789012345");

    /** A front matter of block mappings and sequences nested as YAML allows them, one entry a line. */
    private static String nested(Random random) {
        StringBuilder out = new StringBuilder();
        mapping(random, out, "", null, 0);
        return out.substring(0, out.length() - 1);
    }

    private static void mapping(Random random, StringBuilder out, String indent, String firstPrefix, int depth) {
        int entries = 1 + random.nextInt(4);
        for (int i = 0; i < entries; i++) {
            String prefix = i == 0 && firstPrefix != null ? firstPrefix : indent;
            if (i > 0 && random.nextInt(10) == 0) {
                out.append(random.nextBoolean() ? "" : indent + "# note").append('\n');
            }
            // now and then a duplicate key, which the fast path leaves to the full reader
            String key = pick(random, GOOD_KEYS) + (random.nextInt(8) == 0 ? "" : "_" + i);
            int kind = random.nextInt(depth < 3 ? 6 : 3);
            switch (kind) {
                case 3 -> out.append(prefix).append(key).append(":\n");
                case 4 -> {
                    out.append(prefix).append(key).append(":\n");
                    mapping(random, out, indent + "  ", null, depth + 1);
                }
                case 5 -> {
                    out.append(prefix).append(key).append(":\n");
                    sequence(random, out, indent + "  ", depth + 1);
                }
                default -> out.append(prefix).append(key).append(": ").append(value(random)).append('\n');
            }
        }
    }

    private static void sequence(Random random, StringBuilder out, String indent, int depth) {
        int items = 1 + random.nextInt(3);
        for (int i = 0; i < items; i++) {
            if (random.nextInt(3) == 0) {
                mapping(random, out, indent + "  ", indent + "- ", depth + 1);
            } else {
                out.append(indent).append("- ").append(value(random)).append('\n');
            }
        }
    }

    private static String value(Random random) {
        return random.nextInt(12) == 0 ? pick(random, VALUES) : pick(random, GOOD_VALUES);
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
