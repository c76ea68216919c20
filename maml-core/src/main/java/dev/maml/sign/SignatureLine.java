package dev.maml.sign;

import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlScalar;
import java.util.regex.Pattern;

/**
 * Finds the line a signature is written on, the one line that signed bytes leave out, and checks it
 * has the one canonical form of spec 8: whatever else the line held would be read by YAML but not
 * signed.
 */
public final class SignatureLine {

    /** A document's signature line sits in the verification mapping. */
    public static final String DOCUMENT_INDENT = "  ";
    /** A receipt's is a top-level key. */
    public static final String RECEIPT_INDENT = "";

    /**
     * Printable ASCII between the quotes, no quote and no backslash: no escape, fold or invisible
     * character can make YAML's value differ from the text; whether it is base64 is checked later,
     * with its own message.
     */
    private static final Pattern CANONICAL = Pattern.compile("signature: \"[\\x20-\\x7E&&[^\"\\\\]]*\"(\r?\n)?");

    private SignatureLine() {
    }

    /**
     * The whole line (line break included) of "signature: value" when nothing else shares it (a
     * comment may follow); null when the entry spans lines or shares its line.
     */
    public static Range of(MamlDocument doc, YamlEntry entry) {
        if (!(entry.value() instanceof YamlScalar value)) {
            return null;
        }
        LineIndex lines = doc.lines();
        YamlScalar key = entry.key();
        int line = lines.lineOf(key.range().start());
        int valueEnd = value.range().start() + value.lexical().length();
        if (lines.lineOf(valueEnd) != line || lines.lineOf(value.range().start()) != line) {
            return null;
        }
        String before = doc.text().substring(lines.lineStart(line), key.range().start());
        String after = doc.text().substring(valueEnd, lines.lineEnd(line)).strip();
        if (!before.isBlank() || !(after.isEmpty() || after.startsWith("#"))) {
            return null;
        }
        return Range.of(lines.lineStart(line), lines.nextLineStart(line));
    }

    /**
     * True when {@code line} of {@code text} is exactly {@code indent + "signature: \"<value>\""}
     * followed by LF, CRLF or the end of the text: no comment, no other space, no escape in the value.
     */
    public static boolean canonical(String text, Range line, String indent) {
        return text.startsWith(indent, line.start())
                && CANONICAL.matcher(text).region(line.start() + indent.length(), line.end()).matches();
    }

    /** The reason for a signature line that is not {@link #canonical}. */
    public static String form(String indent) {
        return "the signature line must be exactly '" + indent + "signature: \"<base64>\"' (" + (indent.isEmpty()
                ? "no indentation" : indent.length() + " spaces") + ", one space after the colon, nothing after the"
                + " closing quote)";
    }
}
