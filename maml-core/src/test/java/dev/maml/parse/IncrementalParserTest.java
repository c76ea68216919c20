package dev.maml.parse;

import static dev.maml.parse.IncrementalParseProperties.assertSame;
import static dev.maml.parse.IncrementalParseProperties.describe;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.maml.model.MamlDocument;
import org.junit.jupiter.api.Test;

/** The incremental parse takes its fast path where the editor needs it, and steps aside where it must. */
class IncrementalParserTest {

    /** The edit of the language server benchmark, and typing in a section's prose, take the fast path. */
    @Test
    void editsInTheFrontMatterAndInProseAreSpliced() {
        String text = "---\nmaml_version: \"2.0.0\"\ntype: \"workflow\"\n---\n## Intent\nBenchmark.\n\n## Content\n"
                + "Line of content.\n".repeat(2000);
        MamlDocument old = DocumentParser.parse(text);
        int at = text.indexOf("workflow");
        String edited = text.substring(0, at) + "security_workflow" + text.substring(at + "workflow".length());
        MamlDocument spliced = IncrementalParser.splice(old, edited, at, at + 8, at + 17);
        assertNotNull(spliced);
        assertSame(DocumentParser.parse(edited), spliced, "front matter edit");
        int prose = text.indexOf("Line of content.", text.length() / 2);
        String typed = text.substring(0, prose) + "## Context\nkey: v\n" + text.substring(prose);
        MamlDocument splicedProse = IncrementalParser.splice(old, typed, prose, prose, prose + 18);
        assertNotNull(splicedProse);
        assertSame(DocumentParser.parse(typed), splicedProse, "a section typed into prose");
    }

    /** The comparison sees a difference: the old parse is not the parse of the edited text. */
    @Test
    void theComparisonCanFail() {
        String text = "---\ntype: \"workflow\"\n---\n## Intent\nx\n## Content\ny\n";
        String edited = text.replace("## Content", "```\n## Content");
        MamlDocument old = DocumentParser.parse(text);
        assertNotEquals(describe(DocumentParser.parse(edited)), describe(old));
    }

    /** A CR makes the line index and the line-ending findings a whole-text matter: no splice. */
    @Test
    void aCarriageReturnIsParsedWhole() {
        String text = "---\ntype: \"workflow\"\n---\n## Intent\nx\n## Content\ny\n";
        int at = text.indexOf("y");
        String edited = text.substring(0, at) + "z\r\n" + text.substring(at);
        assertNull(IncrementalParser.splice(DocumentParser.parse(text), edited, at, at, at + 3));
        assertSame(DocumentParser.parse(edited), IncrementalParser.reparse(DocumentParser.parse(text), edited, at, at, at + 3), "CR");
    }
}
