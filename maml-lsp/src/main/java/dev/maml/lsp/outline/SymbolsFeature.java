package dev.maml.lsp.outline;

import dev.maml.lsp.LspDocument;
import dev.maml.lsp.Ranges;
import dev.maml.model.CodeBlock;
import dev.maml.model.FrontMatter;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.model.Section;
import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlMapping;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * The outline: the front matter with its keys (nested mappings as children), then the sections with
 * their code blocks. At most {@link #LIMIT} symbols, so a huge generated document cannot flood the editor.
 */
public final class SymbolsFeature {

    public static final int LIMIT = 5_000;

    public List<DocumentSymbol> symbols(LspDocument lspDoc, CancelChecker cancel) {
        MamlDocument doc = lspDoc.parsed();
        LineIndex lines = doc.lines();
        int[] budget = {LIMIT};
        List<DocumentSymbol> out = new ArrayList<>();
        FrontMatter fm = doc.frontMatter();
        if (fm != null && take(budget)) {
            DocumentSymbol front = symbol(lines, "front matter", SymbolKind.Namespace, fm.range(), fm.openDelimiter());
            front.setChildren(fm.mapping().map(m -> keys(lines, m, budget)).orElse(new ArrayList<>()));
            out.add(front);
        }
        for (Section s : doc.sections()) {
            cancel.checkCanceled();
            if (!take(budget)) {
                break;
            }
            DocumentSymbol section = symbol(lines, s.name(), SymbolKind.Module, s.range(), s.nameRange());
            List<DocumentSymbol> blocks = new ArrayList<>();
            for (CodeBlock b : doc.codeBlocks()) {
                if (b.range().start() >= s.range().start() && b.range().end() <= s.range().end() && take(budget)) {
                    String name = b.language().isEmpty() ? "code block" : b.language() + " block";
                    blocks.add(symbol(lines, name, SymbolKind.Function, b.range(), b.open()));
                }
            }
            section.setChildren(blocks);
            out.add(section);
        }
        return out;
    }

    private static List<DocumentSymbol> keys(LineIndex lines, YamlMapping mapping, int[] budget) {
        List<DocumentSymbol> out = new ArrayList<>();
        for (YamlEntry e : mapping.entries()) {
            if (!take(budget)) {
                break;
            }
            Range whole = e.value() == null ? e.key().range()
                    : Range.of(e.key().range().start(), Math.max(e.key().range().end(), e.value().range().end()));
            DocumentSymbol key = symbol(lines, e.key().value(), SymbolKind.Property, whole, e.key().range());
            if (e.value() instanceof YamlMapping nested && nested.range().start() > e.key().range().start()) {
                key.setChildren(keys(lines, nested, budget));
            }
            out.add(key);
        }
        return out;
    }

    private static DocumentSymbol symbol(LineIndex lines, String name, SymbolKind kind, Range range, Range selection) {
        Range sel = range.encloses(selection) ? selection : Range.empty(range.start());
        return new DocumentSymbol(name.isBlank() ? "(empty)" : name, kind, Ranges.toLsp(lines, range),
                Ranges.toLsp(lines, sel));
    }

    private static boolean take(int[] budget) {
        return budget[0]-- > 0;
    }
}
