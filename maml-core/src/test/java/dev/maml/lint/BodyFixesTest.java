package dev.maml.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.model.FileKind;
import dev.maml.toolchain.Linting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fixes of the body rules exist where the catalogue promises them (FixedFixturesTest checks what
 * they produce), and rules without a fix in the catalogue offer none.
 */
class BodyFixesTest {

    private static final Set<RuleId> FIXABLE_BODY_RULES = Set.of(RuleId.MAML030, RuleId.MAML032, RuleId.MAML035);

    @Test
    void everyFixableBodyRuleHasAFixedFixture() throws IOException {
        for (RuleId rule : FIXABLE_BODY_RULES) {
            assertTrue(rule.fixable(), rule + " is fixable in the catalogue");
            assertTrue(RuleFixturesTest.fixtures().stream().anyMatch(p -> p.getParent().getFileName().toString()
                    .equals(rule.id()) && Files.exists(Path.of(p + ".fixed"))), rule + " has no .fixed fixture");
        }
    }

    @Test
    void onlyFixableRulesAttachFixes() throws IOException {
        int fixes = 0;
        for (Path file : RuleFixturesTest.fixtures()) {
            for (Diagnostic d : Linting.engine(FileKind.of(file).orElseThrow()).lint(RuleFixture.read(file).document(),
                    LintSettings.DEFAULTS).diagnostics()) {
                if (d.fix() != null) {
                    fixes++;
                    assertTrue(d.rule().fixable(), file + ": " + d.rule() + " is not fixable but has a fix");
                    assertFalse(d.fix().edits().isEmpty(), file + ": empty fix");
                } else if (FIXABLE_BODY_RULES.contains(d.rule()) && d.rule() != RuleId.MAML032) {
                    fail(file + ": " + d.rule() + " finding without a fix: " + d.message()); // 032: only with a suggestion
                }
            }
        }
        assertTrue(fixes > 0);
    }
}
