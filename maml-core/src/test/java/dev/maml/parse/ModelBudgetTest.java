package dev.maml.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.model.Section;
import org.junit.jupiter.api.Test;

/** Past {@link TreeBuilder#MAX_ELEMENTS} the parser stops recording structure and says where. */
class ModelBudgetTest {

    @Test
    void structurePastTheBudgetIsReadAsTextOfTheLastSection() {
        int over = TreeBuilder.MAX_ELEMENTS + 1;
        String text = "## S\n".repeat(over) + "```\nnot a fence any more\n";
        MamlDocument doc = DocumentParser.parse(text);

        assertEquals(TreeBuilder.MAX_ELEMENTS, doc.sections().size());
        assertEquals(TreeBuilder.MAX_ELEMENTS, doc.headings().size());
        assertEquals(0, doc.codeBlocks().size(), "a fence after the budget is text");
        Section last = doc.sections().get(doc.sections().size() - 1);
        int lastRecorded = 5 * (TreeBuilder.MAX_ELEMENTS - 1);
        assertEquals(Range.of(lastRecorded, text.length()), last.range(), "the last section runs to the end");
        Diagnostic tooLarge = doc.diagnostics().stream().filter(d -> d.rule() == RuleId.MAML090).findFirst().orElseThrow();
        int first = 5 * TreeBuilder.MAX_ELEMENTS;
        assertEquals(Range.of(first, first + 4), tooLarge.range(), "the first heading not recorded");
        assertEquals(Severity.ERROR, tooLarge.severity());
        assertEquals("document too large to analyse fully: more than 500000 sections, headings, code blocks, History"
                + " and Context entries; from line 500001 on it is read as plain text", tooLarge.message());
    }

    @Test
    void aDocumentAtTheBudgetIsReadInFull() {
        String text = "## S\n".repeat(TreeBuilder.MAX_ELEMENTS);
        MamlDocument doc = DocumentParser.parse(text);

        assertEquals(TreeBuilder.MAX_ELEMENTS, doc.sections().size());
        assertEquals(0, doc.diagnostics().stream().filter(d -> d.rule() == RuleId.MAML090).count());
    }
}
