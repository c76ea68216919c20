package dev.maml.lint;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixture document in markdownlint's style: a line that should get a finding ends with the rule id
 * in braces, e.g. {@code id: not-a-uuid {MAML012}} (several markers may follow each other). The
 * markers, each with the one space before it, are removed before the document is linted, so they
 * never change what a rule sees on the lines it reports. Markers are found in the file's bytes, so
 * every other byte is linted as it is: a MAML090 fixture may hold invalid UTF-8.
 */
public record RuleFixture(Path file, byte[] bytes, List<Expected> expected) {

    private static final Pattern MARKER = Pattern.compile(" ?\\{((?:MAML|MU)\\d{3})\\}");

    /** One expected finding: 1-based line and rule. */
    public record Expected(int line, RuleId rule) implements Comparable<Expected> {
        @Override
        public int compareTo(Expected o) {
            return line != o.line ? Integer.compare(line, o.line) : rule.compareTo(o.rule);
        }

        @Override
        public String toString() {
            return line + ":" + rule.id();
        }
    }

    public static RuleFixture read(Path file) {
        try {
            return parse(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RuleFixture parse(Path file, String marked) {
        return parse(file, marked.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the bytes as ISO-8859-1, one char per byte, so removing the ASCII markers keeps every other byte. */
    static RuleFixture parse(Path file, byte[] content) {
        String marked = new String(content, StandardCharsets.ISO_8859_1);
        StringBuilder text = new StringBuilder();
        List<Expected> expected = new ArrayList<>();
        String[] lines = marked.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARKER.matcher(lines[i]);
            while (m.find()) {
                expected.add(new Expected(i + 1, RuleId.find(m.group(1))
                        .orElseThrow(() -> new IllegalArgumentException(file + ": unknown rule " + m.group(1)))));
            }
            text.append(MARKER.matcher(lines[i]).replaceAll(""));
            if (i + 1 < lines.length) {
                text.append('\n');
            }
        }
        return new RuleFixture(file, text.toString().getBytes(StandardCharsets.ISO_8859_1), List.copyOf(expected));
    }

    /** The text without markers, as UTF-8 (an invalid sequence reads as U+FFFD). */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public MamlDocument document() {
        return DocumentParser.parse(bytes);
    }

    /** The rules this fixture speaks about: the folder's rule and every rule in a marker. */
    public Set<RuleId> rulesUnderTest() {
        Set<RuleId> rules = new TreeSet<>();
        RuleId.find(file.getParent().getFileName().toString()).ifPresent(rules::add);
        expected.forEach(e -> rules.add(e.rule()));
        return rules;
    }

    /** What the engine found for the rules under test, in the same form as {@link #expected()}. */
    public List<Expected> actual(LintResult result) {
        Set<RuleId> rules = rulesUnderTest();
        List<Expected> found = new ArrayList<>();
        for (Diagnostic d : result.diagnostics()) {
            if (rules.contains(d.rule())) {
                found.add(new Expected(result.document().lines().displayLine(d.range().start()), d.rule()));
            }
        }
        return found;
    }
}
