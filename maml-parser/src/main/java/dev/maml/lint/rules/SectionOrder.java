package dev.maml.lint.rules;

import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintContext;
import dev.maml.lint.Rule;
import dev.maml.model.Section;
import java.util.ArrayList;
import java.util.Arrays;
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
        // Kept ranks never decrease. A misplaced section conflicts with kept sections before it that
        // rank higher, or kept sections after it that rank lower; the message names the farthest one,
        // so that moving the section there puts it in order.
        int ranks = SectionNames.RECOMMENDED_ORDER.size();
        int[] firstKept = new int[ranks];
        int[] lastKept = new int[ranks];
        Arrays.fill(firstKept, -1);
        Arrays.fill(lastKept, -1);
        for (int i = 0; i < ranked.size(); i++) {
            if (kept[i]) {
                int r = ranked.get(i).rank();
                firstKept[r] = firstKept[r] < 0 ? i : firstKept[r];
                lastKept[r] = i;
            }
        }
        for (int i = 0; i < ranked.size(); i++) {
            if (!kept[i]) {
                Ranked r = ranked.get(i);
                int before = -1;
                for (int q = r.rank() + 1; q < ranks; q++) {
                    if (firstKept[q] >= 0 && firstKept[q] < i && (before < 0 || firstKept[q] < before)) {
                        before = firstKept[q];
                    }
                }
                int after = -1;
                for (int q = 0; q < r.rank(); q++) {
                    after = Math.max(after, lastKept[q]);
                }
                String where = before >= 0 ? "should come before \"" + ranked.get(before).name() + "\""
                        : "should come after \"" + ranked.get(after).name() + "\"";
                context.report(RuleId.MAML034, "section \"" + r.name() + "\" " + where
                        + " (recommended order: " + ORDER + ")", r.section().nameRange());
            }
        }
    }

    /**
     * Marks a longest non-decreasing subsequence of ranks. Ranks are few (seven), so the best chain
     * ending at each rank is tracked directly: linear in the number of sections, even for a
     * pathological document with thousands of headings.
     */
    private static boolean[] longestInOrder(List<Ranked> ranked) {
        int n = ranked.size();
        int ranks = SectionNames.RECOMMENDED_ORDER.size();
        int[] chainLength = new int[ranks];
        int[] chainEnd = new int[ranks];
        Arrays.fill(chainEnd, -1);
        int[] previous = new int[n];
        int bestLength = 0;
        int best = -1;
        for (int i = 0; i < n; i++) {
            int rank = ranked.get(i).rank();
            int length = 0;
            previous[i] = -1;
            for (int r = 0; r <= rank; r++) {
                if (chainLength[r] > length) {
                    length = chainLength[r];
                    previous[i] = chainEnd[r];
                }
            }
            length++;
            if (length > chainLength[rank]) {
                chainLength[rank] = length;
                chainEnd[rank] = i;
            }
            if (length > bestLength) {
                bestLength = length;
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
