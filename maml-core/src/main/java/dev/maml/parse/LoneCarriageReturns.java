package dev.maml.parse;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.TextEdit;
import dev.maml.model.LineEndings;
import dev.maml.model.LineIndex;
import dev.maml.model.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MAML093: a CR not followed by LF. YAML, CommonMark and editors end a line there, a reader that
 * splits on LF does not, so such a text has two readings (spec 8); a signed one is malformed. One
 * finding per document, at the first; its fix turns every lone CR into the document's line break.
 */
final class LoneCarriageReturns {

    private LoneCarriageReturns() {
    }

    static Optional<Diagnostic> find(String text, LineIndex lines, LineEndings endings) {
        if (lines.lfOnly()) {
            return Optional.empty(); // the index saw no CR at all
        }
        String lineBreak = endings == LineEndings.CRLF ? "\r\n" : "\n";
        List<TextEdit> edits = new ArrayList<>();
        for (int i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
            if (i + 1 == text.length() || text.charAt(i + 1) != '\n') {
                edits.add(new TextEdit(Range.of(i, i + 1), lineBreak));
            }
        }
        if (edits.isEmpty()) {
            return Optional.empty();
        }
        Range first = edits.get(0).range();
        String count = edits.size() == 1 ? "" : " (and " + (edits.size() - 1) + " more)";
        return Optional.of(Diagnostic.of(RuleId.MAML093, "lone carriage return (CR not followed by LF) at the end of line "
                + lines.displayLine(first.start()) + count + ": YAML, Markdown and editors break the line here, a reader"
                + " that splits on LF does not", first).withFix(new Fix("Turn lone carriage returns into line breaks",
                edits)));
    }
}
