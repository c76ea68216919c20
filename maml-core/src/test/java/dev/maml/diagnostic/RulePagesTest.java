package dev.maml.diagnostic;

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
}
