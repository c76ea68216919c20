package dev.maml.lsp;

import dev.maml.model.LineIndex;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.TextEdit;

/** Applies LSP text edits to a text, as an editor would (all ranges refer to the original text). */
public final class Edits {

    private Edits() {
    }

    public static String apply(String text, List<TextEdit> edits) {
        LineIndex lines = new LineIndex(text);
        StringBuilder out = new StringBuilder(text);
        edits.stream()
                .sorted(Comparator.comparingInt((TextEdit e) -> Ranges.offset(lines, e.getRange().getStart())).reversed())
                .forEach(e -> out.replace(Ranges.offset(lines, e.getRange().getStart()),
                        Ranges.offset(lines, e.getRange().getEnd()), e.getNewText()));
        return out.toString();
    }
}
