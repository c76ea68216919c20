package dev.maml.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.TextEdit;
import dev.maml.lint.fix.Fixer;
import dev.maml.model.Range;
import dev.maml.parse.DocumentParser;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FixerTest {

    static final Function<String, LintResult> LINT =
            text -> TestRules.engine().lint(DocumentParser.parse(text), LintSettings.DEFAULTS);

    @Test
    void fixesEverythingFixableAndKeepsTheRest() {
        String text = "---   \nid: bad\n---\n## Intent\nSHOUT and SHOUT\n## Context\n";
        Fixer.FixOutcome out = Fixer.fixAll(text, LINT);
        assertEquals("---\nid: \"" + TestRules.GOOD_ID + "\"\n---\n## Intent\nshout and shout\n## Context\n", out.text());
        assertEquals(4, out.fixes());
        assertEquals(List.of(RuleId.MAML033), out.remaining().diagnostics().stream().map(Diagnostic::rule).toList());
    }

    @Test
    void unsafeFixesWaitToBeAskedFor() {
        String text = "---   \nid: bad\n---\n## Intent\nSHOUT and SHOUT\n## Context\n";
        Fixer.FixOutcome safe = Fixer.fixAll(text, LINT, false);
        assertEquals("---\nid: bad\n---\n## Intent\nshout and shout\n## Context\n", safe.text(), "a new random id is unsafe");
        assertEquals(3, safe.fixes());
        assertEquals(1, safe.unsafeLeft());
        assertEquals(0, Fixer.fixAll(text, LINT, true).unsafeLeft());
    }

    @Test
    void everyFixOfASignedDocumentIsUnsafe() {
        String signed = "---   \nverification:\n  signature: \"AAAA\"\n---\n## Intent\nSHOUT\n## Context\n";
        List<Diagnostic> fixable = LINT.apply(signed).diagnostics().stream().filter(d -> d.fix() != null).toList();
        assertEquals(2, fixable.size(), fixable::toString);
        assertTrue(fixable.stream().noneMatch(d -> d.fix().safe()), fixable::toString);
        assertEquals(signed, Fixer.fixAll(signed, LINT, false).text(), "the signed bytes are left alone");
        assertTrue(LINT.apply(signed.replace("  signature: \"AAAA\"\n", "  method: ml-dsa-65\n")).diagnostics().stream()
                .filter(d -> d.fix() != null).allMatch(d -> d.fix().safe()), "unsigned: the same fixes are safe");
    }

    @Test
    void aSecondRunChangesNothing() {
        String once = Fixer.fixAll("---\nid: x\n---\n## Intent\nSHOUT\n", LINT).text();
        Fixer.FixOutcome twice = Fixer.fixAll(once, LINT);
        assertEquals(once, twice.text());
        assertEquals(0, twice.fixes());
    }

    @Test
    void overlappingFixesWaitForTheNextPass() {
        Range r = Range.of(0, 5);
        Diagnostic first = Diagnostic.of(RuleId.MAML032, "a", r).withFix(Fix.of("a", new TextEdit(r, "AAAAA")));
        Diagnostic inside = Diagnostic.of(RuleId.MAML032, "b", Range.of(2, 3))
                .withFix(Fix.of("b", new TextEdit(Range.of(2, 3), "B")));
        Diagnostic sameSpot = Diagnostic.of(RuleId.MAML032, "c", Range.empty(0))
                .withFix(Fix.of("c", new TextEdit(Range.empty(0), "C")));
        Diagnostic after = Diagnostic.of(RuleId.MAML032, "d", Range.empty(5))
                .withFix(Fix.of("d", new TextEdit(Range.empty(5), "!")));
        Fixer.Applied applied = Fixer.applyOnce("hello", List.of(first, inside, sameSpot, after));
        assertEquals("AAAAA!", applied.text());
        assertEquals(2, applied.fixes());
    }

    @Test
    void aFixWithAnEditBeyondTheTextIsSkipped() {
        Diagnostic bad = Diagnostic.of(RuleId.MAML032, "x", Range.of(0, 1))
                .withFix(Fix.of("x", new TextEdit(Range.of(3, 99), "")));
        assertEquals(new Fixer.Applied("abc", 0), Fixer.applyOnce("abc", List.of(bad)));
    }

    @Test
    void fixesThatUndoEachOtherStopAfterTheBound() {
        Rule flipFlop = new Rule() {
            @Override
            public List<RuleId> ids() {
                return List.of(RuleId.MAML032);
            }

            @Override
            public void check(LintContext context) {
                String text = context.document().text();
                String next = text.endsWith("a") ? "b" : "a";
                Range last = Range.of(text.length() - 1, text.length());
                context.report(RuleId.MAML032, "flip", last, Fix.of("flip", new TextEdit(last, next)));
            }
        };
        LintEngine engine = new LintEngine(List.of(flipFlop));
        Fixer.FixOutcome out = Fixer.fixAll("---\n---\na", t -> engine.lint(DocumentParser.parse(t), LintSettings.DEFAULTS));
        assertEquals(Fixer.MAX_PASSES, out.fixes());
        assertTrue(out.text().endsWith("a"));
    }
}
