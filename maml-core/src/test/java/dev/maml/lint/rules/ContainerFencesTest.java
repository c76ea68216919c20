package dev.maml.lint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintEngine;
import dev.maml.lint.LintSettings;
import dev.maml.model.MamlDocument;
import dev.maml.model.Section;
import dev.maml.parse.DocumentParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fences in list items and block quotes, as READMEs write them: linted, they raise no false
 * "fence never closed" (MAML040) and hide no later section (MAML030), because the parser reads them
 * as CommonMark does. Before, the item's closing fence opened a new fence that ran to the end.
 */
class ContainerFencesTest {

    private static final String FM = "---\nmaml_version: \"2.0.0\"\n---\n";
    private static final List<String> SECTIONS = List.of("Intent", "Context", "Code_Blocks", "History");

    /** Parses the document with Intent and Context, the given Code_Blocks body and History. */
    private static MamlDocument linted(String codeBlocks) {
        MamlDocument doc = DocumentParser.parse(FM + "## Intent\nBuild and test.\n\n## Context\nsteps: 2\n\n"
                + "## Code_Blocks\n" + codeBlocks + "\n## History\n- 2025-10-24T12:40:00Z: [CREATE] Written.\n");
        assertEquals(SECTIONS, doc.sections().stream().map(Section::name).toList());
        List<Diagnostic> falseFindings = LintEngine.standard().lint(doc, LintSettings.DEFAULTS).diagnostics().stream()
                .filter(d -> d.rule() == RuleId.MAML030 || d.rule() == RuleId.MAML040).toList();
        assertEquals(List.of(), falseFindings);
        assertEquals(1, doc.history().size());
        return doc;
    }

    @Test
    void fencesOpenedOnListItemLinesCloseInTheirItems() {
        MamlDocument doc = linted("- Build:\n- ```bash\n  make\n  ```\n1. ~~~python\n   print('test')\n   ~~~\n");
        assertEquals(List.of("bash", "python"), doc.codeBlocks().stream().map(b -> b.language()).toList());
        assertEquals("print('test')\n", doc.code(doc.codeBlocks().get(1)));
    }

    @Test
    void fencesInBlockQuotesCloseInTheirQuotes() {
        MamlDocument doc = linted("> ```python\n> print(1)\n> ```\n");
        assertEquals("python", doc.codeBlocks().get(0).language());
        assertEquals("Code_Blocks", doc.codeBlocks().get(0).section());
        assertEquals("print(1)\n", doc.code(doc.codeBlocks().get(0)));
    }
}
