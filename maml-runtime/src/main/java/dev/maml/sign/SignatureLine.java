package dev.maml.sign;

import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlScalar;

/** Finds the line a signature is written on, the one line that signed bytes leave out. */
public final class SignatureLine {

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
}
