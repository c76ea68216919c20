package dev.maml.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.model.Range;
import dev.maml.parse.DocumentParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine holds rules to their declared ids and survives a rule that throws (markdownlint's onError). */
class RuleGuardTest {

    static final String DOC = "---\nid: x\n---\n## Intent\n\n## Context\nSHOUT\n";

    /** Declares MAML031 but reports MAML030 (twice) and MAML031 (once). */
    static final class ForeignIdRule implements Rule {
        @Override
        public List<RuleId> ids() {
            return List.of(RuleId.MAML031);
        }

        @Override
        public void check(LintContext context) {
            context.report(RuleId.MAML030, "not mine", Range.of(4, 10));
            context.report(Diagnostic.of(RuleId.MAML030, "not mine either", Range.of(4, 10)));
            context.report(RuleId.MAML031, "mine", Range.of(4, 10));
        }
    }

    /** Reports one finding of its own, then throws with a message that would forge a line on a terminal. */
    static final class ThrowingRule implements Rule {
        @Override
        public List<RuleId> ids() {
            return List.of(RuleId.MAML034, RuleId.MAML031);
        }

        @Override
        public void check(LintContext context) {
            context.report(RuleId.MAML034, "before the crash", Range.of(4, 10));
            throw new IllegalArgumentException("bad\ninput \u001B[31m" + "x".repeat(500));
        }
    }

    static final class RecursingRule implements Rule {
        @Override
        public List<RuleId> ids() {
            return List.of(RuleId.MAML061);
        }

        @Override
        public void check(LintContext context) {
            context.report(RuleId.MAML061, "depth " + depth(0), Range.of(0, 1));
        }

        private static int depth(int n) {
            return depth(n + 1) + 1;
        }
    }

    static List<Diagnostic> lint(LintSettings settings, Rule... rules) {
        List<Rule> all = new java.util.ArrayList<>(List.of(rules));
        all.addAll(TestRules.all());
        return new LintEngine(all).lint(DocumentParser.parse(DOC), settings).diagnostics();
    }

    static List<Diagnostic> lint(Rule... rules) {
        return lint(LintSettings.DEFAULTS, rules);
    }

    @Test
    void aReportUnderAnUndeclaredIdIsRefusedAndNamesTheRule() {
        List<Diagnostic> found = lint(new ForeignIdRule());
        assertTrue(found.stream().noneMatch(d -> d.rule() == RuleId.MAML030), found.toString());
        List<Diagnostic> own = found.stream().filter(d -> d.rule() == RuleId.MAML031).toList();
        assertEquals(2, own.size(), own.toString());
        Diagnostic refused = own.stream().filter(d -> d.message().contains("refused")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, refused.severity());
        assertEquals(Range.empty(0), refused.range());
        assertTrue(refused.message().contains(ForeignIdRule.class.getName()), refused.message());
        assertTrue(refused.message().contains("MAML030"), refused.message());
        assertTrue(own.stream().anyMatch(d -> d.message().equals("mine")), own.toString());
    }

    @Test
    void aRuleThatThrowsBecomesAnErrorFindingAndTheOtherRulesStillRun() {
        List<Diagnostic> found = lint(new ThrowingRule());
        Diagnostic failure = found.stream().filter(d -> d.message().contains("failed")).findFirst().orElseThrow();
        assertEquals(RuleId.MAML034, failure.rule());
        assertEquals(Severity.ERROR, failure.severity());
        assertEquals(Range.empty(0), failure.range());
        assertTrue(failure.message().contains(ThrowingRule.class.getName()), failure.message());
        assertTrue(failure.message().contains("IllegalArgumentException: bad\\x0Ainput \\x1B[31m"), failure.message());
        assertFalse(failure.message().contains("x".repeat(RuleFailures.MAX_DETAIL + 1)), "the exception message is cut");
        assertTrue(found.stream().anyMatch(d -> d.message().equals("before the crash")), "findings before the throw stay");
        assertTrue(found.stream().anyMatch(d -> d.rule() == RuleId.MAML032), "a later rule still ran: " + found);
    }

    @Test
    void aRuleThatRecursesTooDeepBecomesAFinding() {
        List<Diagnostic> found = lint(new RecursingRule());
        assertTrue(found.stream().anyMatch(d -> d.rule() == RuleId.MAML061 && d.severity() == Severity.ERROR
                && d.message().contains("StackOverflowError")), found.toString());
    }

    @Test
    void theFailureGoesUnderTheFirstIdThatIsOnAndKeepsErrorSeverity() {
        LintSettings settings = new LintSettings(Map.of(RuleId.MAML034, new RuleSetting(false, null, Map.of()),
                RuleId.MAML031, new RuleSetting(true, Severity.HINT, Map.of())), null);
        List<Diagnostic> found = lint(settings, new ThrowingRule());
        Diagnostic failure = found.stream().filter(d -> d.message().contains("failed")).findFirst().orElseThrow();
        assertEquals(RuleId.MAML031, failure.rule());
        assertEquals(Severity.ERROR, failure.severity());
    }

    @Test
    void theParsersFindingsAreNotRulesReports() {
        List<Diagnostic> found = new LintEngine(List.of()).lint(DocumentParser.parse("## Intent\n```\n"), LintSettings.DEFAULTS)
                .diagnostics();
        assertEquals(List.of(RuleId.MAML040), found.stream().map(Diagnostic::rule).filter(r -> r == RuleId.MAML040).toList());
        assertTrue(found.stream().noneMatch(d -> d.message().contains("refused")), found.toString());
    }
}
