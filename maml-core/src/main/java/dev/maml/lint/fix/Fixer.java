package dev.maml.lint.fix;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.TextEdit;
import dev.maml.lint.LintResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Applies the fixes of lint findings ("fix all", for `maml lint --fix` and the language server):
 * in each pass every fix whose edits overlap no edit accepted before it (document order) is
 * applied, then the text is linted again, because a fix can make or unmake other findings.
 * Passes stop when nothing applies or after {@link #MAX_PASSES}, so fixes that undo each other
 * cannot loop forever.
 */
public final class Fixer {

    public static final int MAX_PASSES = 10;

    private Fixer() {
    }

    /** Applies every fix, unsafe ones included, as {@code maml lint --fix --unsafe-fixes} does. */
    public static FixOutcome fixAll(String text, Function<String, LintResult> lint) {
        return fixAll(text, lint, true);
    }

    /**
     * @param lint   parses and lints a text (the caller's engine and settings)
     * @param unsafe whether fixes marked {@link Fix.Applicability#UNSAFE} are applied too
     * @return the fixed text, how many fixes went in, and the findings that remain in it
     */
    public static FixOutcome fixAll(String text, Function<String, LintResult> lint, boolean unsafe) {
        String current = text;
        int applied = 0;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            LintResult result = lint.apply(current);
            List<Diagnostic> applicable = unsafe ? result.diagnostics()
                    : result.diagnostics().stream().filter(d -> d.fix() == null || d.fix().safe()).toList();
            Applied step = applyOnce(current, applicable);
            if (step.fixes() == 0 || step.text().equals(current)) {
                return new FixOutcome(current, applied, result);
            }
            current = step.text();
            applied += step.fixes();
        }
        return new FixOutcome(current, applied, lint.apply(current));
    }

    /** One pass: applies every fix that does not overlap an earlier one. */
    public static Applied applyOnce(String text, List<Diagnostic> diagnostics) {
        List<TextEdit> accepted = new ArrayList<>();
        int fixes = 0;
        for (Diagnostic d : diagnostics) {
            Fix fix = d.fix();
            if (fix != null && !fix.edits().isEmpty() && fits(fix.edits(), accepted, text.length())) {
                accepted.addAll(fix.edits());
                fixes++;
            }
        }
        accepted.sort(Comparator.comparingInt((TextEdit e) -> e.range().start()).reversed());
        StringBuilder out = new StringBuilder(text);
        for (TextEdit e : accepted) {
            out.replace(e.range().start(), e.range().end(), e.newText());
        }
        return new Applied(out.toString(), fixes);
    }

    private static boolean fits(List<TextEdit> edits, List<TextEdit> accepted, int length) {
        for (int i = 0; i < edits.size(); i++) {
            TextEdit e = edits.get(i);
            if (e.range().end() > length || overlapsAny(e, accepted) || overlapsAny(e, edits.subList(0, i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean overlapsAny(TextEdit e, List<TextEdit> others) {
        for (TextEdit o : others) {
            if (overlap(e, o)) {
                return true;
            }
        }
        return false;
    }

    /** Ranges that share text, or two edits at the same offset (their order would be a guess). */
    static boolean overlap(TextEdit a, TextEdit b) {
        int as = a.range().start();
        int bs = b.range().start();
        return as == bs || (as < b.range().end() && bs < a.range().end());
    }

    /** The text after one pass and how many fixes it took in. */
    public record Applied(String text, int fixes) {
    }

    /** The fixed text, the number of fixes applied over all passes, and what is left to report. */
    public record FixOutcome(String text, int fixes, LintResult remaining) {

        /** How many remaining findings have an unsafe fix (left out unless unsafe fixes were asked for). */
        public long unsafeLeft() {
            return remaining.diagnostics().stream().filter(d -> d.fix() != null && !d.fix().safe()).count();
        }
    }
}
