package dev.maml.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintEngine;
import dev.maml.lint.LintResult;
import dev.maml.lint.LintSettings;
import dev.maml.model.MamlDocument;
import dev.maml.testing.ChildProcesses;
import dev.maml.yaml.YamlMapping;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Spec section 1: 10 MB documents under -Xmx512m. Each pathological 10 MB input is parsed and then
 * linted (every rule of the catalogue) by a separate JVM with a 512 MB heap, which reports the
 * shape of what it read; the test checks that it finished and read the structure it should.
 */
class LargeDocumentsTest {

    private static final int SIZE = 10 * 1024 * 1024;
    private static final String FRONT_MATTER = """
            ---
            maml_version: "2.0.0"
            id: "urn:uuid:0b7a3c9e-4f1d-4c2a-9e8b-5d6f7a8b9c0d"
            type: workflow
            origin: "agent://large"
            permissions:
              read: ["agent://*"]
              write: []
              execute: []
            created_at: 2026-01-01T00:00:00Z
            ---
            """;

    /** Each input: what comes first, then a line repeated until the document is 10 MB. */
    enum Input {
        PROSE(FRONT_MATTER + "## Intent\n", i -> "Some prose line with words and more words in it.\n"),
        MISSPELT_SECTIONS("", i -> "## Intnet\n"),
        BLANK_LINES("", i -> "\n"),
        SHORT_LINES("", i -> "a\n"),
        FENCES("", i -> "```\n"),
        SHORT_FENCES_IN_A_FENCE("~~~~~\n", i -> "~~~\n"),
        DELIMITERS("", i -> "---\n"),
        HISTORY(FRONT_MATTER + "## History\n", i -> "- 2026-01-01T00:00:00Z: [CREATE] x\n"),
        CONTEXT(FRONT_MATTER + "## Context\n", i -> "k: v\n"),
        ONE_LINE("", i -> "words "),
        // CommonMark containers (BlockScanner): one line of ever deeper block quotes or list items, and
        // list items nested a thousand deep over long indentation, line after line
        QUOTE_MARKERS("", i -> "> "),
        LIST_MARKERS("", i -> "- "),
        STAIRCASE_ITEMS("", i -> " ".repeat(2 * (i % 1000)) + "- x\n"),
        FRONT_MATTER_KEYS("---\n", i -> "k" + i + ": v\n");

        final String head;
        final Function<Integer, String> line;

        Input(String head, Function<Integer, String> line) {
            this.head = head;
            this.line = line;
        }

        /** How many times a fixed line is repeated. */
        long lines() {
            long each = line.apply(0).length();
            return (SIZE - head.length() + each - 1) / each;
        }

        void write(Path file) throws IOException {
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(head);
                long written = head.length();
                for (int i = 0; written < SIZE; i++) {
                    String l = line.apply(i);
                    out.write(l);
                    written += l.length();
                }
                if (this == FRONT_MATTER_KEYS) {
                    out.write("---\n## Intent\nLarge.\n");
                }
            }
        }
    }

    @TempDir
    Path dir;

    /** Entry point of the child JVM: parses and lints one file, prints what it found as key=value lines. */
    public static void main(String[] args) throws IOException {
        MamlDocument doc = DocumentParser.read(Path.of(args[0]));
        LintResult lint = LintEngine.standard().lint(doc, LintSettings.DEFAULTS);
        Map<RuleId, Long> perRule = lint.diagnostics().stream()
                .collect(Collectors.groupingBy(Diagnostic::rule, Collectors.counting()));
        System.out.println("sections=" + doc.sections().size());
        System.out.println("headings=" + doc.headings().size());
        System.out.println("codeBlocks=" + doc.codeBlocks().size());
        System.out.println("history=" + doc.history().size());
        System.out.println("context=" + doc.context().size());
        System.out.println("frontMatterKeys=" + (doc.frontMatter() != null && doc.frontMatter().root() instanceof YamlMapping m
                ? m.entries().size() : -1));
        System.out.println("tooLarge=" + doc.diagnostics().stream()
                .filter(d -> d.rule() == RuleId.MAML090 && d.message().startsWith("document too large")).count());
        System.out.println("maml006=" + perRule.getOrDefault(RuleId.MAML006, 0L));
        System.out.println("mostPerRule=" + perRule.values().stream().mapToLong(Long::longValue).max().orElse(0));
        System.out.println("notListed=" + lint.diagnostics().stream().filter(d -> d.message().startsWith("… and ")).count());
    }

    @ParameterizedTest
    @EnumSource(Input.class)
    void tenMegabytesParseAndLintInA512MegabyteHeap(Input input) throws Exception {
        Path file = dir.resolve(input.name().toLowerCase() + ".maml.md");
        input.write(file);
        assertTrue(Files.size(file) >= SIZE);

        Map<String, Long> found = child(file);

        int budget = TreeBuilder.MAX_ELEMENTS;
        switch (input) {
            case PROSE -> {
                assertShape(found, 1, 0, 0, 0, 0);
                assertEquals(6, found.get("frontMatterKeys"));
            }
            case MISSPELT_SECTIONS -> {
                assertShape(found, budget, 0, 0, 0, 1);
                assertEquals(1001, found.get("mostPerRule"), "1000 MAML032 findings and one '… and K more'");
                assertTrue(found.get("notListed") >= 1);
            }
            case BLANK_LINES, SHORT_LINES, ONE_LINE, DELIMITERS, QUOTE_MARKERS, LIST_MARKERS, STAIRCASE_ITEMS ->
                    assertShape(found, 0, 0, 0, 0, 0);
            case SHORT_FENCES_IN_A_FENCE -> assertShape(found, 0, 1, 0, 0, 0);
            case FENCES -> assertShape(found, 0, budget, 0, 0, 1);
            case HISTORY -> assertShape(found, 1, 0, input.lines(), 0, 0);
            case CONTEXT -> assertShape(found, 1, 0, 0, budget - 1, 1);
            case FRONT_MATTER_KEYS -> {
                assertShape(found, 1, 0, 0, 0, 0);
                assertEquals(1, found.get("maml006"), "a front matter this large is refused by the YAML reader");
                assertEquals(-1, found.get("frontMatterKeys"), "and not read");
            }
            default -> throw new AssertionError(input);
        }
        assertTrue(found.get("mostPerRule") <= 1001, "at most 1000 findings per rule, plus the summary");
    }

    private static void assertShape(Map<String, Long> found, long sections, long codeBlocks, long history,
                                    long context, long tooLarge) {
        assertEquals(sections, found.get("sections"), "sections");
        assertEquals(codeBlocks, found.get("codeBlocks"), "code blocks");
        assertEquals(history, found.get("history"), "History entries");
        assertEquals(context, found.get("context"), "Context entries");
        assertEquals(tooLarge, found.get("tooLarge"), "'document too large' findings");
    }

    private Map<String, Long> child(Path file) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("child.log");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), LargeDocumentsTest.class.getName(), file.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int code = ChildProcesses.waitFor(p, ChildProcesses.TIMEOUT, "the child JVM linting " + file.getFileName());
        List<String> output = ChildProcesses.withoutJvmNotices(Files.readAllLines(log));
        assertEquals(0, code, () -> "child JVM failed:\n" + String.join("\n", output));
        Map<String, Long> found = new HashMap<>();
        for (String line : output) {
            String[] kv = line.split("=", 2);
            if (kv.length == 2) {
                found.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        return found;
    }
}
