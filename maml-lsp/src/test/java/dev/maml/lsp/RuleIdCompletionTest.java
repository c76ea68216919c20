package dev.maml.lsp;

import static dev.maml.lsp.MamlAssert.assertCompletion;
import static dev.maml.lsp.MamlAssert.assertNoCompletion;
import static dev.maml.lsp.MamlAssert.completion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.lsp4j.CompletionItem;
import org.junit.jupiter.api.Test;

/** Rule ids and aliases where a disable comment lists rules, and nowhere else. */
class RuleIdCompletionTest {

    private static final String HEAD = "---\nmaml_version: \"2.0.0\"\n---\n## Intent\nx\n";

    @Test
    void idsAndAliasesInEveryBodyDirective() {
        for (String directive : new String[] {"disable", "enable", "disable-line", "disable-next-line", "disable-file"}) {
            assertCompletion(HEAD + "<!-- maml-lint-" + directive + " |", "MAML032", "section-unknown", "MU001");
        }
    }

    @Test
    void theTypedWordIsReplacedAndListedRulesAreNotOfferedAgain() {
        String marked = HEAD + "<!-- maml-lint-disable-next-line section-unknown, MAML0|";
        assertNoCompletion(marked, "MAML032");
        assertNoCompletion(marked, "section-unknown");
        CompletionItem item = completion(marked).stream().filter(i -> i.getLabel().equals("MAML031")).findFirst()
                .orElseThrow();
        assertEquals(5, item.getTextEdit().getLeft().getRange().getStart().getLine());
        assertEquals(50, item.getTextEdit().getLeft().getRange().getStart().getCharacter());
        assertTrue(item.getDetail().startsWith("section-duplicate: "), item.getDetail());
    }

    @Test
    void theRulesADirectiveCannotSuppressAreNotOffered() {
        String marked = HEAD + "<!-- maml-lint-disable |";
        for (String rule : new String[] {"MAML080", "directive-unused", "MAML081", "directive-unknown-rule"}) {
            assertNoCompletion(marked, rule);
        }
        assertCompletion(marked, "MAML032");
    }

    @Test
    void theFrontMatterCommentToo() {
        assertCompletion("---\n# maml-lint-disable-next-line |\nmaml_version: \"2.0.0\"\n---\n", "MAML010");
    }

    @Test
    void notInsideACodeFenceNorBeforeTheDirective() {
        assertNoCompletion(HEAD + "```\n<!-- maml-lint-disable |\n```\n", "MAML032");
        assertNoCompletion(HEAD + "<!-- maml-lint-disable|", "MAML032");
        assertNoCompletion(HEAD + "<!-- maml-lint-disable MAML032 --> |", "MAML031");
    }
}
