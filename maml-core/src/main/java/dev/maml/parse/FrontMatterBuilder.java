package dev.maml.parse;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.TextEdit;
import dev.maml.model.FrontMatter;
import dev.maml.model.LineIndex;
import dev.maml.model.Range;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlNode;
import dev.maml.yaml.YamlResult;
import dev.maml.yaml.YamlReader;
import dev.maml.yaml.YamlSequence;
import java.util.List;

/** Builds the {@link FrontMatter} from its delimiter tokens and reads its YAML. */
final class FrontMatterBuilder {

    private final String text;
    private final LineIndex lines;
    private final List<Diagnostic> diagnostics;

    FrontMatterBuilder(String text, LineIndex lines, List<Diagnostic> diagnostics) {
        this.text = text;
        this.lines = lines;
        this.diagnostics = diagnostics;
    }

    /**
     * @param close null when the front matter is never closed
     * @param last  the front matter's last token (its end is where an unclosed front matter stops)
     */
    FrontMatter build(LineToken open, LineToken close, LineToken last) {
        Range openRange = open.range();
        checkDelimiter(open);
        int contentStart = lines.nextLineStart(lines.lineOf(open.start()));
        Range closeRange = null;
        int contentEnd;
        if (close != null) {
            closeRange = close.range();
            checkDelimiter(close);
            contentEnd = close.start();
        } else {
            contentEnd = Math.max(contentStart, last.type() == LineType.EOF ? text.length() : last.end());
            String where = contentEnd < text.length()
                    ? "up to the first '## ' heading (line " + lines.displayLine(contentEnd) + ")"
                    : "to the end of the file";
            diagnostics.add(Diagnostic.of(RuleId.MAML002,
                    "front matter is never closed by a '---' line; read as YAML " + where, openRange));
        }
        Range content = Range.of(contentStart, Math.max(contentStart, contentEnd));
        YamlResult yaml = YamlReader.read(text, content);
        diagnostics.addAll(yaml.diagnostics());
        if (yaml.root() != null && !(yaml.root() instanceof YamlMapping)) {
            diagnostics.add(Diagnostic.of(RuleId.MAML004,
                    "front matter must be a YAML mapping of keys to values, not a " + kind(yaml.root()), yaml.root().range()));
        }
        int rangeEnd = closeRange != null ? closeRange.end() : content.end();
        return new FrontMatter(Range.of(open.start(), rangeEnd), openRange, content, closeRange,
                text.substring(content.start(), content.end()), yaml.root());
    }

    private static String kind(YamlNode node) {
        return node instanceof YamlSequence ? "list" : "single value";
    }

    private void checkDelimiter(LineToken delimiter) {
        String line = delimiter.content();
        if (line.length() > 3) {
            int from = delimiter.start() + 3;
            Range trailing = Range.of(from, delimiter.start() + line.length());
            diagnostics.add(Diagnostic.of(RuleId.MAML091, "trailing whitespace after the '---' delimiter", trailing)
                    .withFix(Fix.of("Remove the trailing whitespace", new TextEdit(trailing, ""))));
        }
    }
}
