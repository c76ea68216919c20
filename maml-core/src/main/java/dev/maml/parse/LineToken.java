package dev.maml.parse;

import dev.maml.model.Range;

/**
 * One structure token: a whole line without its '\n', a line break, or the end of the text. Its
 * text is read from the document only when asked for.
 */
class LineToken {

    private final String source;
    private LineType type;
    private final int start;
    private final int end;

    LineToken(String source, LineType type, int start, int end) {
        this.source = source;
        this.type = type;
        this.start = start;
        this.end = end;
    }

    /** The same token, for a subclass that adds to it. */
    LineToken(LineToken token) {
        this(token.source, token.type, token.start, token.end);
    }

    LineType type() {
        return type;
    }

    /** Once the block structure says what the line is (see {@link StructureTokens}). */
    void retype(LineType newType) {
        type = newType;
    }

    /** Offset of the first character, a UTF-16 index into the document. */
    int start() {
        return start;
    }

    /** Offset just past the last character. */
    int end() {
        return end;
    }

    String text() {
        return source.substring(start, end);
    }

    /** The line without the CR of a CRLF ending. */
    String content() {
        return source.substring(start, contentEnd());
    }

    /** Where the line's content ends: before the CR of a CRLF ending. */
    int contentEnd() {
        return end > start && source.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    /** The line's range, without the CR of a CRLF ending. */
    Range range() {
        return Range.of(start, contentEnd());
    }

    @Override
    public String toString() {
        return type + "[" + start + "," + end + ")";
    }
}
