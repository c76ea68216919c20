package dev.maml.lint.rules;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies the fixes of findings to a text, for tests (the CLI's own applier lives in the lint-fix
 * code). Edits are applied from the end backwards; insertions at the same offset keep the order of
 * their findings; overlapping edits are a bug in a rule and fail the test.
 */
public final class TestFixes {

    private TestFixes() {
    }

    public static String apply(String text, List<Diagnostic> findings) {
        List<TextEdit> edits = new ArrayList<>();
        findings.stream().map(Diagnostic::fix).filter(f -> f != null).map(Fix::edits).forEach(edits::addAll);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> edits.get(i).range().start()).thenComparingInt(i -> i).reversed());
        StringBuilder out = new StringBuilder(text);
        int limit = Integer.MAX_VALUE;
        for (int i : order) {
            TextEdit e = edits.get(i);
            if (e.range().end() > limit) {
                throw new IllegalStateException("overlapping fix edits at offset " + e.range().start());
            }
            out.replace(e.range().start(), e.range().end(), e.newText());
            limit = e.range().start();
        }
        return out.toString();
    }
}
