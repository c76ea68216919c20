package dev.maml.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.diagnostic.RuleId;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The incremental parse equals a whole parse of the edited text, after any sequence of edits of a
 * corpus document, each parsed incrementally from the result of the one before (as the language
 * server does). The edits insert what changes structure (section headings, fences, front matter
 * delimiters, HTML comments, History and Context lines, CRs, a BOM) at random places.
 */
class IncrementalParseProperties {

    static final List<String> DOCUMENTS = TestData.corpusFiles().stream().map(IncrementalParseProperties::read)
            .toList();

    private static final List<String> SNIPPETS = List.of("", "x", "\n", "\n\n", "## ", "## Intent\n", "\n## Context\n",
            "## History\n", "\n## Input_Schema\n{\"type\": \"object\"}\n", "```", "\n```python\nprint(1)\n",
            "```\n", "~~~\n", "    ", "> ", "- ", "  - item\n", "1. ", "---\n", "---", "<!--", "-->\n",
            "<!-- maml-lint-disable MAML020 -->\n", "maml-", "lint-", "<div>\n", "</div>\n\n", "# Title\n", "### sub\n",
            "- 2025-10-24T12:00:00Z: [Created] by agent\n", "key: value # c\n", "type: \"workflow\"", "maml_version: ",
            "\r\n", "\r", "\uFEFF", "é😀", "\t");

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One edit: where (a fraction of the text's length), how much it deletes, what it inserts. */
    record Edit(double at, int delete, String insert) {
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of(SNIPPETS),
                Arbitraries.strings().withChars("#`~-\n >x:").ofMaxLength(12));
        Arbitrary<Integer> delete = Arbitraries.oneOf(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 200));
        return Combinators.combine(Arbitraries.doubles().between(0, 1), delete, insert).as(Edit::new)
                .list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Integer> document() {
        return Arbitraries.integers().between(0, DOCUMENTS.size() - 1);
    }

    @Property(tries = 1500)
    void anEditedDocumentParsesAsItsWholeText(@ForAll("document") int index, @ForAll("edits") List<Edit> edits) {
        String text = DOCUMENTS.get(index);
        MamlDocument current = DocumentParser.parse(text);
        for (Edit e : edits) {
            int start = (int) Math.round(e.at() * text.length());
            int oldEnd = Math.min(text.length(), start + e.delete());
            String next = text.substring(0, start) + e.insert() + text.substring(oldEnd);
            int newEnd = start + e.insert().length();
            MamlDocument spliced = IncrementalParser.splice(current, next, start, oldEnd, newEnd);
            Statistics.label("spliced").collect(spliced != null);
            MamlDocument whole = DocumentParser.parse(next);
            MamlDocument incremental = IncrementalParser.reparse(current, next, start, oldEnd, newEnd);
            String context = "document " + index + ", edit " + e + " at " + start + "-" + oldEnd;
            assertSame(whole, incremental, context);
            if (spliced != null) {
                assertSame(whole, spliced, context);
            }
            text = next;
            current = incremental;
        }
    }

    static void assertSame(MamlDocument expected, MamlDocument actual, String context) {
        assertEquals(describe(expected), describe(actual), context);
    }

    /**
     * Everything in the model; the line index as its line starts (it has no equals of its own), and
     * MAML001 without its fix (the skeleton it inserts has a fresh UUID each time).
     */
    static String describe(MamlDocument d) {
        LineIndex lines = d.lines();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.lineCount(); i++) {
            starts.add(lines.lineStart(i));
        }
        MamlDocument withoutIndex = new MamlDocument(d.text(), null, d.bom(), d.lineEndings(), d.frontMatter(),
                d.preamble(), d.sections(), d.headings(), d.codeBlocks(), d.context(), d.schemas(), d.history(),
                d.diagnostics().stream().map(x -> x.rule() == RuleId.MAML001 ? x.withFix(null) : x).toList(),
                d.lintMarker());
        return withoutIndex + "\nline starts " + starts;
    }
}
