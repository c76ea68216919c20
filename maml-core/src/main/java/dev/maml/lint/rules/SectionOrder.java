package dev.maml.lint.rules;

import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintContext;
import dev.maml.lint.Rule;
import dev.maml.model.Section;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MAML034: known sections out of the recommended order. The sections reported are the fewest
 * whose moving restores the order (those outside a longest in-order subsequence), so one
 * misplaced section gives one hint, not one per section it jumped over.
 */
final class SectionOrder implements Rule {

    private static final String ORDER = String.join(", ", SectionNames.RECOMMENDED_ORDER);

    private record Ranked(Section section, String name, int rank) {
    }

    @Override
    public List<RuleId> ids() {
        return List.of(RuleId.MAML034);
    }

    @Override
    public void check(LintContext context) {
        List<Ranked> ranked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Section s : context.document().sections()) {
            // a repeated section is MAML031's finding; only first occurrences have a place in the order
            SectionNames.canonical(s.name()).filter(n -> SectionNames.rank(n) >= 0 && seen.add(n))
                    .ifPresent(n -> ranked.add(new Ranked(s, n, SectionNames.rank(n))));
        }
        boolean[] kept = longestInOrder(ranked);
        for (int i = 0; i < ranked.size(); i++) {
            if (!kept[i]) {
                context.report(RuleId.MAML034, "section \"" + ranked.get(i).name() + "\" " + placement(ranked, kept, i)
                        + " (recommended order: " + ORDER + ")", ranked.get(i).section().nameRange());
            }
        }
    }

    /**
     * Where a misplaced section belongs, named by the farthest kept section it conflicts with: the
     * first kept one before it that ranks higher, else the last kept one after it that ranks lower
     * (one of the two exists, or the section would have been kept).
     */
    private static String placement(List<Ranked> ranked, boolean[] kept, int i) {
        int rank = ranked.get(i).rank();
        for (int j = 0; j < i; j++) {
            if (kept[j] && ranked.get(j).rank() > rank) {
                return "should come before \"" + ranked.get(j).name() + "\"";
            }
        }
        for (int j = ranked.size() - 1; j > i; j--) {
            if (kept[j] && ranked.get(j).rank() < rank) {
                return "should come after \"" + ranked.get(j).name() + "\"";
            }
        }
        throw new IllegalStateException("section " + ranked.get(i).name() + " is in order");
    }

    /** Marks a longest non-decreasing subsequence of ranks (at most seven sections: one per known name). */
    private static boolean[] longestInOrder(List<Ranked> ranked) {
        int n = ranked.size();
        int[] length = new int[n];
        int[] previous = new int[n];
        int best = -1;
        for (int i = 0; i < n; i++) {
            length[i] = 1;
            previous[i] = -1;
            for (int j = 0; j < i; j++) {
                if (ranked.get(j).rank() <= ranked.get(i).rank() && length[j] + 1 > length[i]) {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }
            if (best < 0 || length[i] > length[best]) {
                best = i;
            }
        }
        boolean[] kept = new boolean[n];
        for (int i = best; i >= 0; i = previous[i]) {
            kept[i] = true;
        }
        return kept;
    }
}
