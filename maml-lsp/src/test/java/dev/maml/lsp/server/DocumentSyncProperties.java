package dev.maml.lsp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.lsp.LspDocument;
import dev.maml.lsp.MamlAssert;
import dev.maml.lsp.MamlLanguageService;
import dev.maml.lsp.diagnostics.Linter;
import dev.maml.model.LineIndex;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * A document kept in sync edit by edit, as the editor sends them (range edits, several per
 * notification, now and then the whole text; some versions never linted because the next edit came
 * first), gets the diagnostics a freshly opened copy of the same text gets: the incremental parse
 * and the spliced line index change nothing the user sees.
 */
class DocumentSyncProperties {

    private static final List<Path> FILES = TestData.corpusFiles().stream()
            .filter(p -> p.toString().endsWith(".md")).toList();
    private static final MamlLanguageService SERVICE = MamlAssert.service();
    private static final Linter LINTER = MamlAssert.linter();

    private static final List<String> SNIPPETS = List.of("", "x", "\n", "## ", "\n## Context\nkey: v\n", "## History\n",
            "- 2025-10-24T12:00:00Z: [Created] x\n", "```", "\n```python\nx\n", "```\n", "---\n", "<!--", "-->\n",
            "<!-- maml-lint-disable -->\n", "maml-", "lint-", "type: \"workflow\"", "maml_version: \"1.0.0\"", "\r\n", "é😀", "  - item\n");

    /** One change: where (fractions of the text), what it inserts; {@code whole} sends the whole text. */
    record Change(double from, double length, String insert, boolean whole) {
    }

    /** One notification: its changes, and whether the server lints this version before the next arrives. */
    record Notification(List<Change> changes, boolean linted) {
    }

    @Provide
    Arbitrary<List<Notification>> notifications() {
        Arbitrary<Change> change = Combinators.combine(Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 0.02), Arbitraries.of(SNIPPETS),
                Arbitraries.integers().between(0, 9).map(i -> i == 0)).as(Change::new);
        return Combinators.combine(change.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, true, false))
                .as(Notification::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Path> file() {
        return Arbitraries.of(FILES);
    }

    @Property(tries = 300)
    void syncedDocumentsGetTheDiagnosticsOfTheirWholeText(@ForAll("file") Path file,
                                                          @ForAll("notifications") List<Notification> notifications) {
        LspDocument doc = new LspDocument(file.toUri().toString(), 1, read(file));
        SERVICE.diagnostics(doc, LINTER, MamlAssert.NEVER);
        int version = 1;
        for (Notification n : notifications) {
            List<TextDocumentContentChangeEvent> events = new ArrayList<>();
            String text = doc.text();
            for (Change c : n.changes()) {
                TextDocumentContentChangeEvent event = event(text, c);
                events.add(event);
                text = DocumentStore.apply(text, List.of(event));
            }
            doc = DocumentStore.edit(doc, ++version, events);
            assertEquals(text, doc.text());
            if (n.linted()) {
                LspDocument fresh = new LspDocument(doc.uri(), version, doc.text());
                assertEquals(SERVICE.diagnostics(fresh, LINTER, MamlAssert.NEVER),
                        SERVICE.diagnostics(doc, LINTER, MamlAssert.NEVER), file + " after " + notifications);
            }
        }
    }

    private static TextDocumentContentChangeEvent event(String text, Change c) {
        int start = (int) (c.from() * text.length());
        int end = Math.min(text.length(), start + (int) (c.length() * text.length()));
        if (c.whole()) {
            return new TextDocumentContentChangeEvent(text.substring(0, start) + c.insert() + text.substring(end));
        }
        LineIndex lines = new LineIndex(text);
        return new TextDocumentContentChangeEvent(new Range(position(lines, start), position(lines, end)), c.insert());
    }

    private static Position position(LineIndex lines, int offset) {
        dev.maml.model.Position p = lines.position(offset);
        return new Position(p.line(), p.character());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
