package dev.maml.lsp.hover;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lsp.LspDocument;
import dev.maml.lsp.Ranges;
import dev.maml.lsp.completion.FrontMatterSchema;
import dev.maml.lsp.diagnostics.RuleDocs;
import dev.maml.model.MamlDocument;
import dev.maml.model.Section;
import dev.maml.toolchain.LintOutcome;
import dev.maml.vocabulary.Vocabulary;
import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlNode;
import dev.maml.yaml.YamlScalar;
import dev.maml.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Hover explains what is under the cursor: the rule page of every finding there, the schema's
 * title/description/examples for a front-matter key, the meaning of a section heading.
 */
public final class HoverFeature {

    private final FrontMatterSchema schema;

    public HoverFeature(FrontMatterSchema schema) {
        this.schema = schema;
    }

    public Hover hover(LspDocument lspDoc, Position position, LintOutcome lint, RuleDocs docs, CancelChecker cancel) {
        MamlDocument doc = lspDoc.parsed();
        int offset = Ranges.offset(doc.lines(), position);
        List<String> parts = new ArrayList<>();
        if (lint.result() != null) {
            Set<RuleId> seen = new LinkedHashSet<>();
            for (Diagnostic d : lint.result().diagnostics()) {
                if (d.range().contains(offset) && seen.add(d.rule())) {
                    parts.add(docs.page(d.rule()));
                }
            }
        }
        cancel.checkCanceled();
        if (doc.frontMatter() != null && doc.frontMatter().root() != null) {
            List<String> path = new ArrayList<>();
            if (keyPath(doc.frontMatter().root(), offset, path)) {
                schema.key(path).ifPresent(k -> parts.add(k.documentation()));
            }
        }
        for (Section s : doc.sections()) {
            if (s.heading().contains(offset)) {
                // any form the linter folds (## Code Blocks) means the known section, so it explains it too
                Vocabulary.section(s.name()).ifPresent(w -> parts.add("**## " + w.name() + "**\n\n" + w.meaning()));
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, String.join("\n\n---\n\n", parts)));
    }

    /** Fills {@code path} with the keys leading to the key written at {@code offset}; false when none is. */
    private static boolean keyPath(YamlNode node, int offset, List<String> path) {
        if (node instanceof YamlMapping m) {
            for (YamlEntry e : m.entries()) {
                if (e.key().range().contains(offset)) {
                    path.add(e.key().value());
                    return true;
                }
                if (e.value() != null && e.value().range().contains(offset) && !(e.value() instanceof YamlScalar)) {
                    path.add(e.key().value());
                    if (keyPath(e.value(), offset, path)) {
                        return true;
                    }
                    path.remove(path.size() - 1);
                }
            }
        } else if (node instanceof YamlSequence s) {
            for (YamlNode item : s.items()) {
                if (item.range().contains(offset) && keyPath(item, offset, path)) {
                    return true;
                }
            }
        }
        return false;
    }
}
