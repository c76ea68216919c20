package dev.maml.lint.rules;

import dev.maml.diagnostic.TextEdit;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.yaml.ScalarStyle;
import dev.maml.yaml.ScalarType;
import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlNode;
import dev.maml.yaml.YamlScalar;
import dev.maml.yaml.YamlSequence;

/** How the front-matter rules quote YAML values in messages and rewrite them in fixes. */
final class YamlValues {

    private static final int SHOWN = 60;

    private YamlValues() {
    }

    /** A value as a message shows it: strings in double quotes, other scalars as written, the rest in parentheses. */
    static String describe(YamlNode node) {
        if (node instanceof YamlMapping) {
            return "(a mapping)";
        }
        if (!(node instanceof YamlScalar s)) {
            return "(a list)";
        }
        if (s.type() == ScalarType.NULL) {
            return "(empty)";
        }
        String shown = s.value().length() > SHOWN ? s.value().substring(0, SHOWN) + "…" : s.value();
        // Messages are one line: show line breaks and tabs the way a YAML double-quoted string would.
        shown = shown.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return s.type() == ScalarType.STRING ? "\"" + shown + "\"" : shown;
    }

    /**
     * Where a finding about an entry's value is shown: on the value, unless the value is a whole map
     * or list (then its key, rather than a block of lines) or empty (then its key, which is visible).
     */
    static Range marker(YamlEntry entry) {
        YamlNode value = entry.value();
        boolean collection = value instanceof YamlMapping || value instanceof YamlSequence;
        return collection || value.range().length() == 0 ? entry.key().range() : value.range();
    }

    /** The node's value when it is a string scalar (quoted or not, any style), else null. */
    static String string(YamlNode node) {
        return node instanceof YamlScalar s && s.isString() ? s.value() : null;
    }

    /**
     * An edit that replaces a scalar with {@code value}, written in the scalar's own quoting style
     * (plain, '…' or "…"; a block scalar becomes "…"). {@code value} must be safe in each of these
     * styles (no quotes, backslashes or line breaks), which holds for the ids and versions fixes write.
     */
    static TextEdit replaceKeepingStyle(MamlDocument document, YamlScalar scalar, String value) {
        String text = switch (scalar.style()) {
            case PLAIN -> value;
            case SINGLE_QUOTED -> "'" + value + "'";
            default -> "\"" + value + "\"";
        };
        return replace(document, scalar, text);
    }

    /** An edit that replaces a scalar's source text with {@code text}, keeping the line structure intact. */
    static TextEdit replace(MamlDocument document, YamlScalar scalar, String text) {
        Range range = withoutAnchor(document.text(), scalar.range());
        // An empty value ("id:") sits right after the colon; YAML needs a space between them.
        if (range.length() == 0 && range.start() > 0 && document.text().charAt(range.start() - 1) == ':') {
            return new TextEdit(range, " " + text);
        }
        // A block scalar's range runs to the start of the next key; keep the line break before it.
        if (scalar.style() == ScalarStyle.LITERAL || scalar.style() == ScalarStyle.FOLDED) {
            String old = document.text(range);
            String kept = old.endsWith("\r\n") ? "\r\n" : old.endsWith("\n") ? "\n" : "";
            return new TextEdit(range, text + kept);
        }
        return new TextEdit(range, text);
    }

    /** The range after an anchor ("&a value"), so that aliases to the node keep working after an edit. */
    private static Range withoutAnchor(String text, Range range) {
        int start = range.start();
        if (start < range.end() && text.charAt(start) == '&') {
            while (start < range.end() && !Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (start < range.end() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
                start++;
            }
        }
        return Range.of(start, range.end());
    }
}
