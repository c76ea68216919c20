package dev.maml.lsp.outline;

import dev.maml.lsp.LspDocument;
import dev.maml.model.HistoryEntry;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.model.Section;
import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlNode;
import dev.maml.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** Semantic tokens: front-matter keys (property), section names (namespace), History verbs (keyword). */
public final class SemanticTokensFeature {

    private static final int KEY = 0;
    private static final int SECTION = 1;
    private static final int VERB = 2;

    public static final SemanticTokensLegend LEGEND = new SemanticTokensLegend(
            List.of(SemanticTokenTypes.Property, SemanticTokenTypes.Namespace, SemanticTokenTypes.Keyword), List.of());

    private record Token(Range range, int type) {
    }

    public SemanticTokens tokens(LspDocument lspDoc, CancelChecker cancel) {
        MamlDocument doc = lspDoc.parsed();
        List<Token> tokens = new ArrayList<>();
        if (doc.frontMatter() != null && doc.frontMatter().root() != null) {
            keys(doc.frontMatter().root(), tokens, 0);
        }
        for (Section s : doc.sections()) {
            tokens.add(new Token(s.nameRange(), SECTION));
        }
        for (HistoryEntry h : doc.history()) {
            if (h.verbRange() != null) {
                tokens.add(new Token(h.verbRange(), VERB));
            }
        }
        cancel.checkCanceled();
        tokens.sort(Comparator.comparingInt(t -> t.range().start()));
        return new SemanticTokens(encode(doc.lines(), tokens));
    }

    private static void keys(YamlNode node, List<Token> out, int depth) {
        if (depth > 64) {
            return; // aliases can make a graph deeper than anything written; keys were written once
        }
        if (node instanceof YamlMapping m) {
            for (YamlEntry e : m.entries()) {
                out.add(new Token(e.key().range(), KEY));
                if (e.value() != null && e.value().range().start() > e.key().range().start()) {
                    keys(e.value(), out, depth + 1);
                }
            }
        } else if (node instanceof YamlSequence s) {
            for (YamlNode item : s.items()) {
                if (item.range().start() >= s.range().start()) {
                    keys(item, out, depth + 1);
                }
            }
        }
    }

    /** LSP's relative encoding: delta line, delta start, length, type, modifiers; one-line tokens only. */
    private static List<Integer> encode(LineIndex lines, List<Token> tokens) {
        List<Integer> data = new ArrayList<>();
        int prevLine = 0;
        int prevChar = 0;
        int lastEnd = -1;
        for (Token t : tokens) {
            Range r = t.range();
            if (r.length() == 0 || r.start() < lastEnd) {
                continue;
            }
            var start = lines.position(r.start());
            var end = lines.position(r.end());
            if (start.line() != end.line()) {
                continue;
            }
            int deltaLine = start.line() - prevLine;
            data.add(deltaLine);
            data.add(deltaLine == 0 ? start.character() - prevChar : start.character());
            data.add(end.character() - start.character());
            data.add(t.type());
            data.add(0);
            prevLine = start.line();
            prevChar = start.character();
            lastEnd = r.end();
        }
        return data;
    }
}
