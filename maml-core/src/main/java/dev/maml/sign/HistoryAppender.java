package dev.maml.sign;

import dev.maml.diagnostic.TextEdit;
import dev.maml.model.HistoryEntry;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.model.Section;
import java.util.List;
import java.util.Optional;

/**
 * Appends a History entry (spec section 7): after the last entry of the History section, right
 * under its heading when it has none, or in a new History section at the end of the document.
 * Earlier entries are never touched.
 */
public final class HistoryAppender {

    private HistoryAppender() {
    }

    /** @param entry the entry without its line break, e.g. "- 2026-11-25T12:00:00Z: [SIGN] by 3f9c…" */
    public static TextEdit append(MamlDocument doc, String entry, String eol) {
        String text = doc.text();
        LineIndex lines = doc.lines();
        Optional<Section> history = doc.section("History");
        if (history.isPresent()) {
            Section s = history.get();
            List<HistoryEntry> entries = doc.history().stream().filter(h -> s.range().encloses(h.range())).toList();
            int afterLine = entries.isEmpty() ? s.heading().start() : entries.get(entries.size() - 1).range().start();
            int at = lines.nextLineStart(lines.lineOf(afterLine));
            boolean needsBreak = at == text.length() && !text.endsWith("\n");
            return new TextEdit(Range.empty(at), (needsBreak ? eol : "") + entry + eol);
        }
        StringBuilder b = new StringBuilder();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            b.append(eol);
        }
        if (!text.isEmpty() && !text.endsWith("\n\n") && !text.endsWith("\n\r\n")) {
            b.append(eol);
        }
        b.append("## History").append(eol).append(entry).append(eol);
        return new TextEdit(Range.empty(text.length()), b.toString());
    }
}
