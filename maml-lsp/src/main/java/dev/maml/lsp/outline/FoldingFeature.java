package dev.maml.lsp.outline;

import dev.maml.lsp.LspDocument;
import dev.maml.model.CodeBlock;
import dev.maml.model.FrontMatter;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.model.Section;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** Folds the front matter, each section (up to its last non-blank line) and each code fence. */
public final class FoldingFeature {

    public List<FoldingRange> ranges(LspDocument lspDoc, CancelChecker cancel) {
        MamlDocument doc = lspDoc.parsed();
        LineIndex lines = doc.lines();
        List<FoldingRange> out = new ArrayList<>();
        FrontMatter fm = doc.frontMatter();
        if (fm != null) {
            add(out, lines, fm.range(), FoldingRangeKind.Region);
        }
        for (Section s : doc.sections()) {
            add(out, lines, trimTrailingBlank(doc, s.range()), FoldingRangeKind.Region);
        }
        cancel.checkCanceled();
        for (CodeBlock b : doc.codeBlocks()) {
            add(out, lines, b.range(), FoldingRangeKind.Region);
        }
        return out;
    }

    private static void add(List<FoldingRange> out, LineIndex lines, Range range, String kind) {
        int start = lines.lineOf(range.start());
        int end = lines.lineOf(Math.max(range.start(), range.end() - 1));
        if (end > start) {
            FoldingRange f = new FoldingRange(start, end);
            f.setKind(kind);
            out.add(f);
        }
    }

    private static Range trimTrailingBlank(MamlDocument doc, Range range) {
        int end = range.end();
        String text = doc.text();
        while (end > range.start() && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return Range.of(range.start(), end);
    }
}
