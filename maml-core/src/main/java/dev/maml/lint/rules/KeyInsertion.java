package dev.maml.lint.rules;

import dev.maml.diagnostic.TextEdit;
import dev.maml.model.FrontMatter;
import dev.maml.model.LineEndings;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.yaml.YamlMapping;
import java.util.Optional;

/**
 * Where a new top-level key can be added so the YAML stays valid: on a line of its own at the end
 * of a closed, block-style front matter, indented like the existing keys, with the document's own
 * line break. A flow-style root ({@code {a: 1}}) or an unclosed front matter gets no insertion.
 */
final class KeyInsertion {

    private final int offset;
    private final String indent;
    private final String newline;

    private KeyInsertion(int offset, String indent, String newline) {
        this.offset = offset;
        this.indent = indent;
        this.newline = newline;
    }

    static Optional<KeyInsertion> of(MamlDocument document, YamlMapping root) {
        FrontMatter fm = document.frontMatter();
        if (fm == null || !fm.closed()) {
            return Optional.empty();
        }
        String newline = document.lineEndings() == LineEndings.CRLF ? "\r\n" : "\n";
        // A block-style key after a flow mapping ("{a: 1}") is not valid YAML.
        if (document.text().startsWith("{", root.range().start())) {
            return Optional.empty();
        }
        String indent = "";
        if (!root.entries().isEmpty()) {
            int firstKey = root.entries().get(0).key().range().start();
            indent = document.text().substring(document.lines().lineStart(document.lines().lineOf(firstKey)), firstKey);
        }
        // Something other than spaces before the first key ("? key", "&anchor key"): leave it to the author.
        return indent.isBlank() ? Optional.of(new KeyInsertion(fm.content().end(), indent, newline)) : Optional.empty();
    }

    /** An edit adding {@code key: value}; a multi-line value is given with "\n" and indented here. */
    TextEdit edit(String key, String value) {
        String body = value.replace("\n", newline + indent);
        return new TextEdit(Range.empty(offset), indent + key + ": " + body + newline);
    }
}
