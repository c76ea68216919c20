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

    private static List<Diagnostic> lint(MamlDocument doc, RuleId... rules) {
        List<RuleId> wanted = List.of(rules);
        return LintEngine.standard().lint(doc, LintSettings.DEFAULTS).diagnostics().stream()
                .filter(d -> wanted.contains(d.rule())).toList();
    }

    @Test
    void fencesOpenedOnListItemLinesCloseInTheirItems() {
        MamlDocument doc = DocumentParser.parse(FM + "## Intent\nBuild and test.\n\n"
                + "## Context\nsteps: 2\n\n"
                + "## Code_Blocks\n- Build:\n- ```bash\n  make\n  ```\n1. ~~~python\n   print('test')\n   ~~~\n\n"
                + "## History\n- 2025-10-24T12:40:00Z: [CREATE] Written.\n");
        assertEquals(SECTIONS, doc.sections().stream().map(Section::name).toList());
        assertEquals(List.of(), lint(doc, RuleId.MAML030, RuleId.MAML040));
        assertEquals(2, doc.codeBlocks().size());
        assertEquals(1, doc.history().size());
    }

    @Test
    void fencesInBlockQuotesCloseInTheirQuotes() {
        MamlDocument doc = DocumentParser.parse(FM + "## Intent\nQuote a run.\n\n"
                + "## Context\nsteps: 1\n\n"
                + "## Code_Blocks\n> ```python\n> print(1)\n> ```\n\n"
                + "## History\n- 2025-10-24T12:40:00Z: [CREATE] Written.\n");
        assertEquals(SECTIONS, doc.sections().stream().map(Section::name).toList());
        assertEquals(List.of(), lint(doc, RuleId.MAML030, RuleId.MAML040));
        assertEquals("python", doc.codeBlocks().get(0).language());
        assertEquals("Code_Blocks", doc.codeBlocks().get(0).section());
    }
}
