package dev.maml.lint.rules;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean …?": the closest known name within a small edit distance, as spelling tools suggest. */
public final class Suggestions {

    /** Spec section 3: a suggestion is offered at Levenshtein distance 2 or less. */
    public static final int MAX_DISTANCE = 2;

    private Suggestions() {
    }

    /** The known name nearest to {@code name} (ties: the first in {@code known}), if close enough. */
    public static Optional<String> closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String candidate : known) {
            int d = distance(name, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance over UTF-16 units (names here are ASCII). */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
