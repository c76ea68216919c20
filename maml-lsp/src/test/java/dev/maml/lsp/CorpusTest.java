package dev.maml.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.lsp.diagnostics.Linter;
import dev.maml.model.FileKind;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.model.Section;
import dev.maml.testing.TestData;
import dev.maml.toolchain.Source;
import dev.maml.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

/**
 * Every feature at every line of every corpus document (three columns per line). Each answer is
 * held to something it could get wrong: the diagnostics to what the CLI's engine finds in the same
 * text, the outline to the parsed sections, every range to the document's bounds, the semantic
 * tokens to their encoding, formatting to changing whitespace only and to a fixed point.
 */
class CorpusTest {

    @Test
    void everyFeatureAnswersEverywhereAndAgreesWithTheEngine() throws IOException {
        MamlLanguageService service = MamlAssert.service();
        Linter linter = MamlAssert.linter();
        Toolchain engine = new Toolchain();
        List<Path> files = TestData.corpusFiles();
        assertFalse(files.isEmpty(), "no corpus documents");
        for (Path file : files) {
            String text = Files.readString(file);
            LspDocument doc = new LspDocument(file.toUri().toString(), 1, text);
            MamlDocument parsed = doc.parsed();
            LineIndex lines = parsed.lines();
            String where = file.getFileName().toString();

            List<String> expected = new ArrayList<>();
            Source source = Source.of(text, file, FileKind.of(file).orElse(FileKind.DOCUMENT)); // .mu: a receipt
            for (dev.maml.diagnostic.Diagnostic d : engine.lint(source, linter.session()).result().diagnostics()) {
                expected.add(d.rule().name() + "@" + lines.lineOf(d.range().start()));
            }
            List<String> reported = new ArrayList<>();
            for (Diagnostic d : service.diagnostics(doc, linter, MamlAssert.NEVER)) {
                inBounds(lines, d.getRange(), where);
                reported.add(d.getCode().getLeft() + "@" + d.getRange().getStart().getLine());
            }
            assertEquals(expected, reported, where + ": the editor and `maml lint` disagree");

            List<DocumentSymbol> symbols = service.symbols(doc, MamlAssert.NEVER);
            List<String> sections = new ArrayList<>();
            for (DocumentSymbol s : symbols) {
                inBounds(lines, s.getRange(), where);
                assertTrue(encloses(s.getRange(), s.getSelectionRange()), where + ": " + s.getName());
                if (!s.getName().equals("front matter")) {
                    sections.add(s.getName());
                }
            }
            assertEquals(parsed.sections().stream().map(Section::name).map(n -> n.isBlank() ? "(empty)" : n).toList(),
                    sections, where);
            assertEquals(parsed.frontMatter() != null, !symbols.isEmpty() && symbols.get(0).getName().equals("front matter"),
                    where);

            for (FoldingRange f : service.folding(doc, MamlAssert.NEVER)) {
                assertTrue(f.getStartLine() < f.getEndLine() && f.getEndLine() < lines.lineCount(), where + ": " + f);
            }
            tokensWellFormed(lines, service.semanticTokens(doc, MamlAssert.NEVER).getData(), where);
            service.links(doc, MamlAssert.NEVER).forEach(l -> inBounds(lines, l.getRange(), where));

            String formatted = Edits.apply(text, service.formatting(doc, MamlAssert.NEVER));
            assertEquals(text.replaceAll("\\s", ""), formatted.replaceAll("\\s", ""), where);
            LspDocument again = new LspDocument(doc.uri(), 2, formatted);
            assertEquals(formatted, Edits.apply(formatted, service.formatting(again, MamlAssert.NEVER)),
                    where + ": formatting the formatted text changed it");

            for (int line = 0; line < lines.lineCount(); line++) {
                int length = lines.lineEnd(line) - lines.lineStart(line);
                for (int character : new int[] {0, length / 2, length}) {
                    Position p = new Position(line, character);
                    for (CompletionItem item : service.completion(doc, p, MamlAssert.NEVER).getItems()) {
                        assertFalse(item.getLabel() == null || item.getLabel().isBlank(), where + ":" + p);
                    }
                    service.hover(doc, p, linter, MamlAssert.NEVER);
                    for (Location l : service.definition(doc, p, MamlAssert.NEVER)) {
                        if (l.getUri().equals(doc.uri())) {
                            inBounds(lines, l.getRange(), where + ":" + p);
                        }
                    }
                    service.codeActions(doc, new Range(p, p), new CodeActionContext(List.of()), linter, false,
                            MamlAssert::noProblem, MamlAssert.NEVER).forEach(a -> assertTrue(a.isLeft() || a.isRight()));
                }
            }
        }
    }

    private static void inBounds(LineIndex lines, Range r, String where) {
        Position s = r.getStart();
        Position e = r.getEnd();
        assertTrue(s.getLine() >= 0 && s.getCharacter() >= 0 && e.getLine() < lines.lineCount()
                && (s.getLine() < e.getLine() || s.getLine() == e.getLine() && s.getCharacter() <= e.getCharacter()),
                where + ": range out of the document " + r);
    }

    private static boolean encloses(Range outer, Range inner) {
        return !before(inner.getStart(), outer.getStart()) && !before(outer.getEnd(), inner.getEnd());
    }

    private static boolean before(Position a, Position b) {
        return a.getLine() < b.getLine() || a.getLine() == b.getLine() && a.getCharacter() < b.getCharacter();
    }

    /** LSP's relative encoding: five integers per token; lines never go back, and every token is on a line. */
    private static void tokensWellFormed(LineIndex lines, List<Integer> data, String where) {
        assertEquals(0, data.size() % 5, where);
        int line = 0;
        for (int i = 0; i < data.size(); i += 5) {
            int deltaLine = data.get(i);
            int deltaStart = data.get(i + 1);
            assertTrue(deltaLine >= 0 && data.get(i + 2) > 0, where + ": token " + i / 5);
            line += deltaLine;
            assertTrue(deltaStart >= 0, where + ": token " + i / 5 + " goes back");
            assertTrue(line < lines.lineCount(), where + ": token " + i / 5 + " past the last line");
        }
    }
}
