package dev.maml.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.lsp.outline.SymbolsFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutlineTest {

    private static final String DOC = String.join("\n",
            "---",                                  // 0
            "maml_version: \"2.0.0\"",              // 1
            "verification:",                        // 2
            "  method: ml-dsa-65",                  // 3
            "  public_key: keys/k.pub",             // 4
            "mu_validation_file: r.mu",             // 5
            "---",                                  // 6
            "## Intent",                            // 7
            "Test.",                                // 8
            "",                                     // 9
            "## Context",                           // 10
            "dataset: data.csv",                    // 11
            "rate: 16",                             // 12
            "",                                     // 13
            "## Code_Blocks",                       // 14
            "```python",                            // 15
            "print(1)",                             // 16
            "```",                                  // 17
            "",                                     // 18
            "## History",                           // 19
            "- 2026-01-01T00:00:00Z: [CREATE] made", // 20
            "");

    @Test
    void symbolsAreHierarchical() {
        List<DocumentSymbol> symbols = MamlAssert.service().symbols(MamlAssert.doc(DOC), MamlAssert.NEVER);
        assertEquals(List.of("front matter", "Intent", "Context", "Code_Blocks", "History"),
                symbols.stream().map(DocumentSymbol::getName).toList());
        DocumentSymbol fm = symbols.get(0);
        assertEquals(List.of("maml_version", "verification", "mu_validation_file"),
                fm.getChildren().stream().map(DocumentSymbol::getName).toList());
        assertEquals(List.of("method", "public_key"),
                fm.getChildren().get(1).getChildren().stream().map(DocumentSymbol::getName).toList());
        assertEquals(List.of("python block"), symbols.get(3).getChildren().stream().map(DocumentSymbol::getName).toList());
    }

    @Test
    void symbolsAreCapped() {
        StringBuilder b = new StringBuilder("---\nk: 1\n---\n");
        for (int i = 0; i < 6_000; i++) {
            b.append("## S").append(i).append("\nx\n");
        }
        List<DocumentSymbol> symbols = MamlAssert.service().symbols(MamlAssert.doc(b.toString()), MamlAssert.NEVER);
        assertEquals(SymbolsFeature.LIMIT, count(symbols));
    }

    @Test
    void foldsFrontMatterSectionsAndFences() {
        List<FoldingRange> ranges = MamlAssert.service().folding(MamlAssert.doc(DOC), MamlAssert.NEVER);
        List<String> spans = ranges.stream().map(r -> r.getStartLine() + "-" + r.getEndLine()).toList();
        assertEquals(List.of("0-6", "7-8", "10-12", "14-17", "19-20", "15-17"), spans);
    }

    @Test
    void semanticTokensForKeysSectionsAndVerbs() {
        List<Integer> data = MamlAssert.service().semanticTokens(MamlAssert.doc(DOC), MamlAssert.NEVER).getData();
        // 5 keys + 4 sections + 1 verb, five integers each.
        assertEquals(50, data.size());
        // The first token: line 1, character 0, "maml_version" (12), property.
        assertEquals(List.of(1, 0, 12, 0, 0), data.subList(0, 5));
        // The last: the verb CREATE on line 20, keyword.
        assertEquals(List.of(1, 25, 6, 2, 0), data.subList(45, 50));
    }

    @Test
    void linksAndDefinitionsToNamedFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("data.csv"), "a,b\n");
        LspDocument doc = new LspDocument(dir.resolve("doc.maml.md").toUri().toString(), 1, DOC);
        List<DocumentLink> links = MamlAssert.service().links(doc, MamlAssert.NEVER);
        assertEquals(List.of(dir.resolve("keys/k.pub").toUri().toString(), dir.resolve("r.mu").toUri().toString(),
                dir.resolve("data.csv").toUri().toString()), links.stream().map(DocumentLink::getTarget).toList());
        assertEquals(11, links.get(2).getRange().getStart().getLine());
        assertEquals(9, links.get(2).getRange().getStart().getCharacter());

        List<Location> def = MamlAssert.service().definition(doc, new Position(4, 16), MamlAssert.NEVER);
        assertEquals(dir.resolve("keys/k.pub").toUri().toString(), def.get(0).getUri());
        assertTrue(MamlAssert.service().definition(doc, new Position(8, 1), MamlAssert.NEVER).isEmpty());
    }

    @Test
    void formattingIsOneMinimalEditAndIdempotent() {
        String messy = "---  \nmaml_version: \"2.0.0\"\n---\n## Intent\nx\n## Context\r\ny";
        List<TextEdit> edits = MamlAssert.service().formatting(MamlAssert.doc(messy), MamlAssert.NEVER);
        String formatted = Edits.apply(messy, edits);
        assertEquals("---\nmaml_version: \"2.0.0\"\n---\n## Intent\n\nx\n\n## Context\n\ny\n", formatted);
        assertEquals(List.of(), MamlAssert.service().formatting(MamlAssert.doc(formatted), MamlAssert.NEVER));
    }

    private static int count(List<DocumentSymbol> symbols) {
        int n = 0;
        for (DocumentSymbol s : symbols) {
            n += 1 + (s.getChildren() == null ? 0 : count(s.getChildren()));
        }
        return n;
    }
}
