package dev.maml.sign;

import dev.maml.diagnostic.TextEdit;
import dev.maml.model.FrontMatter;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlNode;
import dev.maml.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sets keys of the front matter's {@code verification} mapping by editing the text at the ranges
 * the parser gives: a value that exists is replaced where it stands, a missing key is added after
 * the mapping's last entry, a missing mapping after the front matter's last line; a key whose new
 * value is null is removed with its lines. Comments, order, quoting and line breaks of everything
 * else stay byte for byte (the YAML is never re-serialised).
 */
final class VerificationEditor {

    private VerificationEditor() {
    }

    /** @param values YAML-ready value texts (already quoted where needed), in the order to add them; null: remove */
    static List<TextEdit> set(MamlDocument doc, LinkedHashMap<String, String> values) throws SigningException {
        FrontMatter fm = doc.frontMatter();
        YamlMapping root = fm.mapping().orElseThrow();
        String eol = lineBreak(doc);
        Optional<YamlEntry> entry = root.entry(VerificationBlock.KEY);
        if (entry.isEmpty()) {
            String indent = indentOf(doc, root.entries().isEmpty() ? null : root.entries().get(0).key());
            // The content ends where the closing delimiter's line starts, so after an LF: a lone CR
            // (MAML093) is refused before any edit.
            int at = fm.content().end();
            StringBuilder block = new StringBuilder();
            block.append(indent).append(VerificationBlock.KEY).append(':').append(eol);
            appendLines(block, indent + "  ", values, eol);
            return List.of(new TextEdit(Range.empty(at), block.toString()));
        }
        YamlNode value = entry.get().value();
        if (value instanceof YamlScalar s) {
            // "verification:" with no value (or a legacy scalar): replace it with a block mapping.
            String indent = indentOf(doc, entry.get().key()) + "  ";
            StringBuilder block = new StringBuilder(eol);
            appendLines(block, indent, values, eol);
            block.setLength(block.length() - eol.length());
            int start = entry.get().key().range().end();
            int colon = doc.text().indexOf(':', start);
            int end = s.range().start() + s.lexical().length();
            return List.of(new TextEdit(Range.of(colon + 1, Math.max(colon + 1, end)), block.toString()));
        }
        if (!(value instanceof YamlMapping m) || doc.text().charAt(m.range().start()) == '{') {
            throw new SigningException("verification must be a block mapping (\"verification:\" followed by "
                    + "indented \"key: value\" lines) to be signed; rewrite it that way first");
        }
        List<TextEdit> edits = new ArrayList<>();
        Map<String, String> missing = new LinkedHashMap<>();
        for (Map.Entry<String, String> v : values.entrySet()) {
            Optional<YamlEntry> existing = m.entry(v.getKey());
            if (v.getValue() == null) {
                if (existing.isPresent()) {
                    edits.add(removal(doc, existing.get()));
                }
            } else if (existing.isEmpty()) {
                missing.put(v.getKey(), v.getValue());
            } else if (existing.get().value() instanceof YamlScalar s) {
                int start = s.range().start();
                if (s.lexical().isEmpty()) {
                    edits.add(new TextEdit(Range.empty(start), " " + v.getValue()));
                } else {
                    edits.add(new TextEdit(Range.of(start, start + s.lexical().length()), v.getValue()));
                }
            } else {
                throw new SigningException("verification." + v.getKey() + " is not a single value; fix it by hand");
            }
        }
        if (!missing.isEmpty()) {
            LineIndex lines = doc.lines();
            YamlEntry last = m.entries().get(m.entries().size() - 1);
            int lastEnd = Math.max(last.key().range().end(), last.value().range().end());
            int at = lines.nextLineStart(lines.lineOf(Math.max(lastEnd - 1, last.key().range().start())));
            StringBuilder block = new StringBuilder();
            if (at == doc.text().length() || doc.text().charAt(at - 1) != '\n') {
                block.append(eol);
            }
            appendLines(block, indentOf(doc, m.entries().get(0).key()), missing, eol);
            edits.add(new TextEdit(Range.empty(at), block.toString()));
        }
        return edits;
    }

    /** The document's own line break, as its front matter writes it. */
    static String lineBreak(MamlDocument doc) {
        int end = doc.frontMatter().openDelimiter().end();
        return end < doc.text().length() && doc.text().charAt(end) == '\r' ? "\r\n" : "\n";
    }

    private static void appendLines(StringBuilder b, String indent, Map<String, String> values, String eol) {
        values.forEach((k, v) -> {
            if (v != null) {
                b.append(indent).append(k).append(": ").append(v).append(eol);
            }
        });
    }

    /** The lines of an entry of a block mapping: from its key's line to the end of its value's last line. */
    private static TextEdit removal(MamlDocument doc, YamlEntry entry) throws SigningException {
        LineIndex lines = doc.lines();
        int keyStart = entry.key().range().start();
        int start = lines.lineStart(lines.lineOf(keyStart));
        if (!doc.text().substring(start, keyStart).isBlank()) {
            throw new SigningException("verification." + entry.key().value() + " does not start its line; fix it by hand");
        }
        int end = Math.max(entry.key().range().end(), entry.value().range().end());
        return new TextEdit(Range.of(start, lines.nextLineStart(lines.lineOf(Math.max(end - 1, keyStart)))), "");
    }

    private static String indentOf(MamlDocument doc, YamlScalar key) {
        if (key == null) {
            return "";
        }
        int lineStart = doc.lines().lineStart(doc.lines().lineOf(key.range().start()));
        String before = doc.text().substring(lineStart, key.range().start());
        return before.isBlank() ? before : " ".repeat(before.length());
    }
}
