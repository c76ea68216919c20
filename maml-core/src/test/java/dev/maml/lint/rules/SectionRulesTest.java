package dev.maml.lint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.parse.HtmlComments;
import dev.maml.diagnostic.TextEdit;
import dev.maml.lint.LintEngine;
import dev.maml.lint.LintSettings;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.parse.DocumentParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Severities, messages, exact ranges and fix edits of the section and code-block rules. */
class SectionRulesTest {

    private static final String FM = "---\nmaml_version: \"2.0.0\"\n---\n";

    private static List<Diagnostic> lint(MamlDocument doc, RuleId rule) {
        return LintEngine.standard().lint(doc, LintSettings.DEFAULTS).diagnostics().stream()
                .filter(d -> d.rule() == rule).toList();
    }

    @Test
    void missingIntentIsAnErrorMissingContextAWarningBothOnLineOne() {
        MamlDocument doc = DocumentParser.parse(FM + "## Content\ndata\n");
        List<Diagnostic> found = lint(doc, RuleId.MAML030);
        assertEquals(2, found.size());
        assertEquals(Severity.ERROR, found.get(0).severity());
        assertEquals("required section \"## Intent\" is missing (it says what the document is for)", found.get(0).message());
        assertEquals(Severity.WARNING, found.get(1).severity());
        assertEquals(Range.of(0, 3), found.get(0).range());
        // both belong before Content, Intent first: the fixer keeps the report order of same-offset inserts
        assertEquals(new TextEdit(Range.empty(FM.length()), "## Intent\n\n"), found.get(0).fix().edits().get(0));
        assertEquals(new TextEdit(Range.empty(FM.length()), "## Context\n\n"), found.get(1).fix().edits().get(0));
    }

    @Test
    void insertedSectionUsesTheDocumentsLineEndings() {
        MamlDocument doc = DocumentParser.parse("---\r\nmaml_version: \"2.0.0\"\r\n---\r\n## Intent\r\nx\r\n");
        Diagnostic d = lint(doc, RuleId.MAML030).get(0);
        assertEquals("\r\n## Context\r\n", d.fix().edits().get(0).newText());
        assertEquals(doc.text().length(), d.fix().edits().get(0).range().start());
    }

    @Test
    void headingFormFixReplacesOnlyTheNameOfALevelTwoHeading() {
        MamlDocument doc = DocumentParser.parse(FM + "## Intent\nx\n\n##   code_blocks  ##\n```python\n1\n```\n");
        List<Diagnostic> found = lint(doc, RuleId.MAML035);
        assertEquals(1, found.size());
        assertEquals("code_blocks", doc.text(found.get(0).range()));
        assertEquals("Code_Blocks", found.get(0).fix().edits().get(0).newText());
        assertEquals(List.of(), lint(doc, RuleId.MAML032));
    }

    @Test
    void misleveledHeadingIsReplacedWhole() {
        MamlDocument doc = DocumentParser.parse(FM + "## Intent\nx\n\n### Output Schema ###\n{\"type\": \"object\"}\n");
        Diagnostic d = lint(doc, RuleId.MAML035).get(0);
        assertEquals("### Output Schema ###", doc.text(d.range()));
        assertEquals("heading \"### Output Schema\" is not a section: sections are level-2 headings, write"
                + " \"## Output_Schema\"", d.message());
        assertEquals("## Output_Schema", d.fix().edits().get(0).newText());
    }

    @Test
    void unknownSectionWithoutANearNameHasNoFix() {
        MamlDocument doc = DocumentParser.parse(FM + "## Intent\nx\n\n## Agent_Blocks\ny\n");
        Diagnostic d = lint(doc, RuleId.MAML032).get(0);
        assertEquals("Agent_Blocks", doc.text(d.range()));
        assertEquals(Severity.INFO, d.severity());
        assertNull(d.fix());
    }

    @Test
    void onlyWhitespaceAndHtmlCommentsMakeASectionEmpty() {
        assertEquals(true, HtmlComments.isBlank("\n  \t\n"));
        assertEquals(true, HtmlComments.isBlank("<!-- a -->\n<!-- maml-lint-disable MAML042 -->\n"));
        assertEquals(true, HtmlComments.isBlank("\n<!-- never closed\nstill a comment\n"));
        assertEquals(false, HtmlComments.isBlank("<!-- a --> text"));
        assertEquals(false, HtmlComments.isBlank("### Sub-heading\n"));
    }

    @Test
    void noRenameIsOfferedOntoASectionThatExists() {
        MamlDocument doc = DocumentParser.parse(FM + "## Intent\nx\n\n## Intnet\ny\n\n## Contxt\nk: v\n");
        List<Diagnostic> found = lint(doc, RuleId.MAML032);
        assertEquals("unknown section \"Intnet\"; did you mean \"Intent\"?", found.get(0).message());
        assertNull(found.get(0).fix());
        assertEquals("Context", found.get(1).fix().edits().get(0).newText());
    }

    @Test
    void orderHintNamesTheSectionItConflictsWith() {
        MamlDocument doc = DocumentParser.parse(FM + "## Intent\nx\n\n## History\n- 2026-01-01: [CREATE] a\n\n"
                + "## Context\nk: v\n\n## Content\nc\n");
        List<Diagnostic> found = lint(doc, RuleId.MAML034);
        assertEquals(1, found.size(), found.toString());
        assertEquals("History", doc.text(found.get(0).range()));
        assertEquals("section \"History\" should come after \"Content\" (recommended order: Intent, Context, Content,"
                + " Code_Blocks, Input_Schema, Output_Schema, History)", found.get(0).message());
    }

    @Test
    void languageFindingCoversTheTagOnly() {
        MamlDocument doc = DocumentParser.parse(FM + "## Intent\nx\n\n## Code_Blocks\n  ~~~ Ruby linenums\nputs 1\n  ~~~\n");
        Diagnostic d = lint(doc, RuleId.MAML042).get(0);
        assertEquals("Ruby", doc.text(d.range()));
        assertEquals("code block language \"Ruby\" is not run: the runtime runs only python, bash, sh; this block is"
                + " documentation", d.message());
    }

    @Test
    void longMalformedHistoryEntryIsQuotedWithoutBreakingACharacter() {
        String item = "- " + "x".repeat(54) + "\uD83D\uDE00" + "y".repeat(20);
        MamlDocument doc = DocumentParser.parse(FM + "## Intent\nx\n\n## History\n" + item + "\n");
        Diagnostic d = lint(doc, RuleId.MAML060).get(0);
        assertEquals("History entry \"- " + "x".repeat(54) + "...\" is not of the form \"- 2026-01-31T12:00:00Z: [VERB]"
                + " text\"", d.message());
        assertEquals(item, doc.text(d.range()));
    }

    @Test
    void historyOrderNamesTheLaterEntry() {
        MamlDocument doc = DocumentParser.parse(FM + "## Intent\nx\n\n## History\n- 2026-01-02T00:00:00Z: [CREATE] a\n"
                + "- 2026-01-01T23:59:59+00:00: [UPDATE] b\n");
        Diagnostic d = lint(doc, RuleId.MAML061).get(0);
        assertEquals("2026-01-01T23:59:59+00:00", doc.text(d.range()));
        assertEquals("History timestamp 2026-01-01T23:59:59+00:00 is earlier than 2026-01-02T00:00:00Z on line 8;"
                + " History is append-only, newest entry last", d.message());
    }
}
