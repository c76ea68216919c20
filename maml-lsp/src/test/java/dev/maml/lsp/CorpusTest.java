package dev.maml.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.maml.lsp.diagnostics.Linter;
import dev.maml.model.LineIndex;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

/** Every feature at every line of every corpus document (three columns per line): answers, never throws. */
class CorpusTest {

    @Test
    void everyFeatureAnswersEverywhere() throws IOException {
        MamlLanguageService service = MamlAssert.service();
        Linter linter = MamlAssert.linter();
        for (Path file : TestData.corpusFiles()) {
            String text = Files.readString(file);
            LspDocument doc = new LspDocument(file.toUri().toString(), 1, text);
            LineIndex lines = doc.parsed().lines();
            assertNotNull(service.diagnostics(doc, linter, MamlAssert.NEVER));
            assertNotNull(service.symbols(doc, MamlAssert.NEVER));
            assertNotNull(service.folding(doc, MamlAssert.NEVER));
            assertNotNull(service.semanticTokens(doc, MamlAssert.NEVER));
            assertNotNull(service.links(doc, MamlAssert.NEVER));
            String formatted = Edits.apply(text, service.formatting(doc, MamlAssert.NEVER));
            assertEquals(text.replaceAll("\\s", ""), formatted.replaceAll("\\s", ""), file.toString());
            for (int line = 0; line < lines.lineCount(); line++) {
                int length = lines.lineEnd(line) - lines.lineStart(line);
                for (int character : new int[] {0, length / 2, length}) {
                    Position p = new Position(line, character);
                    assertNotNull(service.completion(doc, p, MamlAssert.NEVER), file + ":" + p);
                    service.hover(doc, p, linter, MamlAssert.NEVER);
                    assertNotNull(service.definition(doc, p, MamlAssert.NEVER));
                    assertNotNull(service.codeActions(doc, new Range(p, p), new CodeActionContext(List.of()),
                            linter, false, MamlAssert::noProblem, MamlAssert.NEVER));
                }
            }
        }
    }
}
