package dev.maml.lsp;

import dev.maml.model.LineIndex;
import dev.maml.model.Range;
import org.eclipse.lsp4j.Position;

/** Converts the model's offsets to LSP positions and back; the arithmetic itself stays in {@link LineIndex}. */
public final class Ranges {

    private Ranges() {
    }

    public static org.eclipse.lsp4j.Range toLsp(LineIndex lines, Range range) {
        return new org.eclipse.lsp4j.Range(position(lines, range.start()), position(lines, range.end()));
    }

    public static Position position(LineIndex lines, int offset) {
        dev.maml.model.Position p = lines.position(offset);
        return new Position(p.line(), p.character());
    }

    public static int offset(LineIndex lines, Position position) {
        return lines.offset(new dev.maml.model.Position(position.getLine(), position.getCharacter()));
    }

    public static Range fromLsp(LineIndex lines, org.eclipse.lsp4j.Range range) {
        int start = offset(lines, range.getStart());
        return Range.of(start, Math.max(start, offset(lines, range.getEnd())));
    }

    /** Whether two LSP ranges share a position (touching counts, as editors ask at a cursor). */
    public static boolean touch(org.eclipse.lsp4j.Range a, org.eclipse.lsp4j.Range b) {
        return compare(a.getStart(), b.getEnd()) <= 0 && compare(b.getStart(), a.getEnd()) <= 0;
    }

    private static int compare(Position a, Position b) {
        return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine())
                : Integer.compare(a.getCharacter(), b.getCharacter());
    }
}
