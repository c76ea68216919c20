package dev.maml.parse;

/**
 * A line of fenced code whose first characters are not code: the markers of the list item or block
 * quote holding the fence, or the indentation of the opening fence, which CommonMark removes.
 */
final class CodeLineToken extends LineToken {

    /** Characters of the line before its code. */
    final int skip;
    /** Spaces the code starts with in place of the part of a tab the markers did not use. */
    final int padding;

    CodeLineToken(LineToken line, int skip, int padding) {
        super(line);
        this.skip = skip;
        this.padding = padding;
    }

    /** The code of the line, with its CR if it ends with CRLF. */
    String code() {
        return " ".repeat(padding) + text().substring(skip);
    }
}
