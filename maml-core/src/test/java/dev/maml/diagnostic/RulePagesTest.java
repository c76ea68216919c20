package dev.maml.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every rule's page (docs/rules) is in the jar, so hover and the MCP resources never fall back to a title. */
class RulePagesTest {

    @Test
    void everyRuleHasItsPageBundled() {
        for (RuleId rule : RuleId.values()) {
            String page = RulePages.page(rule);
            assertTrue(page.startsWith("# " + rule.id() + ": " + rule.alias() + "\n"), rule + ": " + page.lines().findFirst());
        }
    }

    @Test
    void theDescriptionIsThePagesFirstParagraphOnOneLine() {
        assertEquals("A front-matter delimiter line is `---` followed by spaces or tabs.",
                RulePages.description(RuleId.MAML091).substring(0, 66));
        for (RuleId rule : RuleId.values()) {
            String description = RulePages.description(rule);
            assertFalse(description.contains("\n") || description.startsWith("#") || description.startsWith("- "), rule + ": " + description);
            assertTrue(description.length() > rule.title().length(), rule + " says more than its title: " + description);
        }
    }
}
