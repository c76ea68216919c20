package dev.maml.lsp.server;

import dev.maml.lsp.LspDocument;
import dev.maml.lsp.Ranges;
import dev.maml.lsp.TextChange;
import dev.maml.model.LineIndex;
import dev.maml.model.Range;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * The open documents, keyed by URI, each at the version the editor last sent. Changes come as
 * whole texts or as range edits (full and incremental sync); edits are applied in the order given,
 * each against the text left by the one before, as the protocol says.
 */
final class DocumentStore {

    private final Map<String, LspDocument> documents = new ConcurrentHashMap<>();

    LspDocument open(String uri, int version, String text) {
        LspDocument doc = new LspDocument(uri, version, text);
        documents.put(uri, doc);
        return doc;
    }

    /** Applies changes to an open document; null when it is not open (the change is dropped). */
    LspDocument change(String uri, int version, List<TextDocumentContentChangeEvent> changes) {
        return documents.computeIfPresent(uri, (u, doc) -> edit(doc, version, changes));
    }

    /**
     * The next version of {@code doc}, with where it changed, so it is parsed from {@code doc}'s
     * parse; range edits are placed with a line index spliced edit by edit, never rebuilt from the text.
     */
    static LspDocument edit(LspDocument doc, int version, List<TextDocumentContentChangeEvent> changes) {
        String current = doc.text();
        LineIndex lines = doc.lines();
        TextChange covered = null;
        for (TextDocumentContentChangeEvent change : changes) {
            TextChange step;
            if (change.getRange() == null) {
                step = TextChange.between(current, change.getText());
                current = change.getText();
                lines = null;
            } else {
                if (lines == null) {
                    lines = new LineIndex(current);
                }
                Range r = Ranges.fromLsp(lines, change.getRange());
                current = current.substring(0, r.start()) + change.getText() + current.substring(r.end());
                step = new TextChange(r.start(), r.end(), r.start() + change.getText().length());
                lines = lines.edited(current, step.start(), step.oldEnd(), step.newEnd());
            }
            covered = covered == null ? step : covered.then(step);
        }
        return doc.edited(version, current, covered == null ? new TextChange(0, 0, 0) : covered, lines);
    }

    LspDocument close(String uri) {
        return documents.remove(uri);
    }

    LspDocument get(String uri) {
        return documents.get(uri);
    }

    Collection<LspDocument> all() {
        return documents.values();
    }

    /** The text {@code changes} make of {@code text}. */
    static String apply(String text, List<TextDocumentContentChangeEvent> changes) {
        return edit(new LspDocument("untitled:text", 0, text), 0, changes).text();
    }
}
