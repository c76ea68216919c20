package dev.maml.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.model.MamlDocument;
import dev.maml.model.Section;
import dev.maml.parse.DocumentParser;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FormatterTest {

    private static String format(String text) {
        return Formatter.format(DocumentParser.parse(text));
    }

    @Test
    void trimsDelimitersAddsBlankLinesBeforeSectionsAndEndsWithABreak() {
        assertEquals("---\na: 1 # kept\n---\n## Intent\n\nx  \n\n## Context\n\ny\n",
                format("---\t \na: 1 # kept\n---  \n## Intent\nx  \n## Context\ny"));
    }

    @Test
    void headingsInsideFencesAreCode() {
        String text = "## Code_Blocks\n\n```bash\necho\n## not a section\n```\n";
        assertEquals(text, format(text));
    }

    @Test
    void lineBreaksFollowTheMajority() {
        assertEquals("## Intent\r\n\r\nx\r\ny\r\n", format("## Intent\r\nx\r\ny\n"));
        assertEquals("## Intent\n\nx\ny\n", format("## Intent\r\nx\ny\n"));
    }

    @Test
    void blankLinesAroundHeadingsAndFencesAsMarkdownlintAsks() {
        // MD022 and MD031; not below the front matter, where markdownlint sees the first line
        assertEquals("---\na: 1\n---\n## Intent\n\nx\n\n### Detail\n\ny\n\n```bash\necho\n```\n\nz\n",
                format("---\na: 1\n---\n## Intent\nx\n### Detail\ny\n```bash\necho\n```\nz\n"));
        // a fence in a list item keeps its indentation; one in a block quote is left alone (a blank line would end the quote)
        assertEquals("- step\n\n  ```bash\n  echo\n  ```\n\n- next\n> ```\n> x\n> ```\n",
                format("- step\n  ```bash\n  echo\n  ```\n- next\n> ```\n> x\n> ```\n"));
    }

    @Test
    void setextHeadingsAndListsThatInterruptAParagraph() {
        // the blank line goes where a block already ends: before the heading's first line, after its underline
        assertEquals("## Intent\n\n***\n\nTwo line\nheading\n---\n\ntext\n\n- item\n- item\nlazy\n",
                format("## Intent\n***\nTwo line\nheading\n---\ntext\n- item\n- item\nlazy\n"));
        // "2." cannot interrupt a paragraph: it is text, and stays so
        String text = "## Intent\n\nIn the year\n2. was good\n";
        assertEquals(text, format(text));
        assertEquals("## Intent\n\n- item\n\n***\n\ntext\n", format("## Intent\n- item\n***\ntext\n"));
    }

    @Test
    void trailingBlanksAndBlankRunsGoOutsideCode() {
        // MD009 (two spaces after text are a hard break and stay), MD012, no blank lines at the end
        assertEquals("## Intent\n\nhard  \nbreak\ntabs\n\nnext\n\n```text\nkept   \n\n\n\nkept\n```\n",
                format("## Intent\nhard  \nbreak\ntabs\t \n\n\n\nnext   \n```text\nkept   \n\n\n\nkept\n```\n\n\n"));
        // lines that may be indented code keep their blanks and trailing spaces
        String indented = "## Intent\n\n    code  \n\n\n    more\n";
        assertEquals(indented, format(indented));
    }

    @Test
    void frontMatterIsKeptAsWritten() {
        String text = "---\nnote: |\n  two spaces  \n\n\n  end\n---\n## Intent\n\nx\n";
        assertEquals(text, format(text));
    }

    @Test
    void formattingTwiceChangesNothingOnTheCorpus() throws IOException {
        for (Path p : TestData.corpusFiles()) {
            String once = format(Files.readString(p));
            assertEquals(once, format(once), p.toString());
        }
    }

    @Test
    void onlyWhitespaceChanges() throws IOException {
        for (Path p : TestData.corpusFiles()) {
            String text = Files.readString(p);
            assertEquals(text.replaceAll("\\s", ""), format(text).replaceAll("\\s", ""), p.toString());
        }
    }

    @Test
    void theSectionsAndTheCodeStayTheSameOnTheCorpus() throws IOException {
        for (Path p : TestData.corpusFiles()) {
            MamlDocument before = DocumentParser.parse(Files.readString(p));
            MamlDocument after = DocumentParser.parse(Formatter.format(before));
            assertEquals(before.sections().stream().map(Section::name).toList(),
                    after.sections().stream().map(Section::name).toList(), p.toString());
            assertEquals(before.codeBlocks().stream().map(b -> b.language() + ":" + before.code(b)).toList(),
                    after.codeBlocks().stream().map(b -> b.language() + ":" + after.code(b)).toList(), p.toString());
        }
    }
}
