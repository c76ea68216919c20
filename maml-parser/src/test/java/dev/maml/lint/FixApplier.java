package dev.maml.lint;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Test-side stand-in for the fixer of {@code maml lint --fix}: applies the fixes of some rules,
 * from the end of the text backwards, skipping an edit that overlaps one already applied.
 * Insertions at the same offset keep the order in which they were reported.
 */
final class FixApplier {

    private record Indexed(TextEdit edit, int index) {
    }

    private FixApplier() {
    }

    static String apply(String text, List<Diagnostic> diagnostics, Set<RuleId> rules) {
        List<Indexed> edits = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            if (rules.contains(d.rule()) && d.fix() != null) {
                for (TextEdit e : d.fix().edits()) {
                    edits.add(new Indexed(e, edits.size()));
                }
            }
        }
        edits.sort(Comparator.comparingInt((Indexed i) -> i.edit().range().start())
                .thenComparingInt(Indexed::index).reversed());
        StringBuilder out = new StringBuilder(text);
        int limit = Integer.MAX_VALUE;
        for (Indexed i : edits) {
            TextEdit e = i.edit();
            if (e.range().end() <= limit) {
                out.replace(e.range().start(), e.range().end(), e.newText());
                limit = e.range().start();
            }
        }
        return out.toString();
    }
}
