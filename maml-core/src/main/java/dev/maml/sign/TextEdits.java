package dev.maml.sign;

import dev.maml.diagnostic.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies edits to a text; everything outside them stays byte for byte. Edits must not overlap, and
 * two insertions at one offset are refused (their order would be ambiguous): callers join them.
 */
final class TextEdits {

    private TextEdits() {
    }

    static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        // Back to front, so earlier offsets stay valid.
        sorted.sort(Comparator.comparingInt((TextEdit e) -> e.range().start()).reversed());
        StringBuilder b = new StringBuilder(text);
        TextEdit later = null;
        for (TextEdit e : sorted) {
            if (later != null && (e.range().end() > later.range().start() || e.range().start() == later.range().start())) {
                throw new IllegalArgumentException("overlapping edits at offset " + e.range().start());
            }
            b.replace(e.range().start(), e.range().end(), e.newText());
            later = e;
        }
        return b.toString();
    }
}
