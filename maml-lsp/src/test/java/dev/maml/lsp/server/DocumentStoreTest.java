package dev.maml.lsp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

class DocumentStoreTest {

    private static TextDocumentContentChangeEvent edit(int l1, int c1, int l2, int c2, String text) {
        return new TextDocumentContentChangeEvent(new Range(new Position(l1, c1), new Position(l2, c2)), text);
    }

    @Test
    void incrementalChangesApplyInOrderWithUtf16Columns() {
        String text = "a😀b\nsecond\r\nthird";
        // After the emoji (two UTF-16 units) insert X; then, in the text that leaves, join lines 1 and 2.
        String out = DocumentStore.apply(text, List.of(edit(0, 3, 0, 3, "X"), edit(1, 6, 2, 0, " ")));
        assertEquals("a😀Xb\nsecond third", out);
    }

    @Test
    void fullChangesReplaceEverything() {
        assertEquals("new", DocumentStore.apply("old", List.of(new TextDocumentContentChangeEvent("new"))));
    }

    @Test
    void versionsAdvanceAndUnopenedDocumentsAreIgnored() {
        DocumentStore store = new DocumentStore();
        store.open("u", 1, "abc");
        assertEquals(7, store.change("u", 7, List.of(edit(0, 3, 0, 3, "d"))).version());
        assertEquals("abcd", store.get("u").text());
        assertNull(store.change("other", 2, List.of(edit(0, 0, 0, 0, "x"))));
        store.close("u");
        assertNull(store.get("u"));
    }
}
