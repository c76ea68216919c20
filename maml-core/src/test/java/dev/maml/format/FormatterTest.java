package dev.maml.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals("---\na: 1 # kept\n---\n## Intent\nx  \n\n## Context\ny\n",
                format("---\t \na: 1 # kept\n---  \n## Intent\nx  \n## Context\ny"));
    }

    @Test
    void headingsInsideFencesAreCode() {
        String text = "## Code_Blocks\n```bash\necho\n## not a section\n```\n";
        assertEquals(text, format(text));
    }

    @Test
    void lineBreaksFollowTheMajority() {
        assertEquals("## Intent\r\nx\r\ny\r\n", format("## Intent\r\nx\r\ny\n"));
        assertEquals("## Intent\nx\ny\n", format("## Intent\r\nx\ny\n"));
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
}
