package dev.maml.report;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.model.CodeBlock;
import dev.maml.model.ContextEntry;
import dev.maml.model.FrontMatter;
import dev.maml.model.HistoryEntry;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.model.SchemaBlock;
import dev.maml.model.Section;
import dev.maml.yaml.YamlEntry;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** How the tools see a document: the output of `maml parse` (JSON and text). */
public final class ParseReport {

    private ParseReport() {
    }

    public static ObjectNode json(String path, MamlDocument doc) {
        LineIndex lines = doc.lines();
        ObjectNode root = Json.object();
        root.put("version", 1);
        root.put("path", path);
        root.put("bom", doc.bom());
        root.put("lineEndings", doc.lineEndings().name());
        root.put("lines", lines.lineCount());
        root.set("frontMatter", frontMatter(doc));
        ObjectNode preamble = Locations.lines(Json.object(), lines, doc.preamble().range());
        preamble.put("title", doc.preamble().title());
        root.set("preamble", preamble);
        ArrayNode sections = root.putArray("sections");
        for (Section s : doc.sections()) {
            ObjectNode node = sections.addObject().put("name", s.name());
            Locations.lines(node, lines, s.range());
        }
        ArrayNode blocks = root.putArray("codeBlocks");
        for (CodeBlock b : doc.codeBlocks()) {
            ObjectNode node = blocks.addObject().put("language", b.language()).put("info", b.info());
            Locations.lines(node, lines, b.range());
            node.put("section", b.section());
            node.put("closed", b.closed());
        }
        ArrayNode context = root.putArray("context");
        for (ContextEntry c : doc.context()) {
            context.addObject().put("key", c.key()).put("value", c.value()).put("line", lines.displayLine(c.range().start()));
        }
        ArrayNode schemas = root.putArray("schemas");
        for (SchemaBlock s : doc.schemas()) {
            ObjectNode node = schemas.addObject().put("section", s.section()).put("fenced", s.fenced());
            Locations.lines(node, lines, s.range());
        }
        ArrayNode history = root.putArray("history");
        for (HistoryEntry h : doc.history()) {
            history.addObject().put("timestamp", h.timestamp()).put("verb", h.verb()).put("text", h.text())
                    .put("wellFormed", h.wellFormed()).put("line", lines.displayLine(h.range().start()));
        }
        ArrayNode diagnostics = root.putArray("diagnostics");
        for (Diagnostic d : doc.diagnostics()) {
            diagnostics.add(DiagnosticJson.of(d, lines));
        }
        return root;
    }

    private static ObjectNode frontMatter(MamlDocument doc) {
        ObjectNode node = Json.object();
        FrontMatter fm = doc.frontMatter();
        node.put("present", fm != null);
        if (fm == null) {
            return node;
        }
        node.put("closed", fm.closed());
        Locations.lines(node, doc.lines(), fm.range());
        node.put("mapping", fm.mapping().isPresent());
        ArrayNode keys = node.putArray("keys");
        fm.mapping().ifPresent(m -> {
            for (YamlEntry e : m.entries()) {
                Locations.region(keys.addObject().put("key", e.key().value()), doc.lines(), e.key().range());
            }
        });
        return node;
    }

    /** A short outline for people, control characters {@link Printable escaped}. */
    public static String text(String path, MamlDocument doc) {
        LineIndex lines = doc.lines();
        List<String> out = new ArrayList<>();
        out.add(path);
        FrontMatter fm = doc.frontMatter();
        if (fm == null) {
            out.add("  front matter  none");
        } else {
            List<String> keys = fm.mapping().map(m -> m.entries().stream().map(e -> e.key().value()).toList())
                    .orElse(List.of());
            out.add(String.format("  front matter  lines %d-%d%s, %d keys: %s", lines.displayLine(fm.range().start()),
                    lines.displayLine(Math.max(fm.range().start(), fm.range().end() - 1)), fm.closed() ? "" : " (unclosed)",
                    keys.size(), String.join(", ", keys)));
        }
        for (Section s : doc.sections()) {
            out.add(String.format("  section       %-16s lines %d-%d", s.name(), lines.displayLine(s.range().start()),
                    lines.displayLine(Math.max(s.range().start(), s.range().end() - 1))));
        }
        for (CodeBlock b : doc.codeBlocks()) {
            out.add(String.format("  code block    %-16s lines %d-%d%s", b.language().isEmpty() ? "(no language)" : b.language(),
                    lines.displayLine(b.range().start()), lines.displayLine(Math.max(b.range().start(), b.range().end() - 1)),
                    b.section() == null ? "" : " in " + b.section()));
        }
        for (HistoryEntry h : doc.history()) {
            out.add(h.wellFormed() ? String.format("  history       %s [%s] %s", h.timestamp(), h.verb(), h.text())
                    : "  history       (malformed) " + h.text());
        }
        for (Diagnostic d : doc.diagnostics()) {
            out.add(String.format("  %d:%d: %s %s/%s %s", lines.displayLine(d.range().start()),
                    lines.displayColumn(d.range().start()), d.severity().label(), d.rule().id(), d.rule().alias(),
                    d.message()));
        }
        // Names, keys, History text and messages come from the document: one escaped line each.
        return String.join(System.lineSeparator(), out.stream().map(Printable::line).toList());
    }
}
