package dev.maml.lsp.server;

import dev.maml.lsp.LspDocument;
import dev.maml.lsp.Ranges;
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
        return documents.computeIfPresent(uri, (u, doc) -> doc.withText(version, apply(doc.text(), changes)));
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

    static String apply(String text, List<TextDocumentContentChangeEvent> changes) {
        String current = text;
        for (TextDocumentContentChangeEvent change : changes) {
            if (change.getRange() == null) {
                current = change.getText();
            } else {
                Range r = Ranges.fromLsp(new LineIndex(current), change.getRange());
                current = current.substring(0, r.start()) + change.getText() + current.substring(r.end());
            }
        }
        return current;
    }
}
