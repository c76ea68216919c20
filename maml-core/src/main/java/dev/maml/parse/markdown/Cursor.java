package dev.maml.parse.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in one line, in characters and in columns (a tab advances to the next multiple of 4),
 * as CommonMark's block parser moves through a line's container markers. A tab can be consumed in
 * part: "-\tfoo" is a list marker, one column of the tab, and then content indented by two.
 */
final class Cursor {

    static final int CODE_INDENT = 4;

    String line = "";
    int offset;
    int column;
    boolean partiallyConsumedTab;
    int nextNonspace;
    int nextNonspaceColumn;
    int indent;
    boolean blank;

    /** Starts on the next line (one cursor serves every line: a document has millions). */
    void reset(String next) {
        line = next;
        offset = 0;
        column = 0;
        partiallyConsumedTab = false;
        scannedFrom = -1;
    }

    /** Where the last scan started: every character from there to nextNonspace is a space or a tab. */
    private int scannedFrom = -1;

    /**
     * Looks past spaces and tabs from the current position, without moving. The column reached does
     * not depend on where the scan starts (tab stops are columns of the line), so a position inside
     * the last scan's run of spaces reuses its end: continuing a deep stack of list items over one
     * long run of indentation stays linear.
     */
    void findNextNonspace() {
        if (scannedFrom >= 0 && scannedFrom <= offset && offset <= nextNonspace) {
            indent = nextNonspaceColumn - column;
            return;
        }
        scannedFrom = offset;
        int i = offset;
        int cols = column;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ') {
                i++;
                cols++;
            } else if (c == '\t') {
                i++;
                cols += 4 - (cols % 4);
            } else {
                break;
            }
        }
        blank = i == line.length();
        nextNonspace = i;
        nextNonspaceColumn = cols;
        indent = cols - column;
    }

    boolean indented() {
        return indent >= CODE_INDENT;
    }

    void advanceNextNonspace() {
        offset = nextNonspace;
        column = nextNonspaceColumn;
        partiallyConsumedTab = false;
    }

    /** Moves by count characters, or by count columns, consuming part of a tab if need be. */
    void advance(int count, boolean columns) {
        int left = count;
        while (left > 0 && offset < line.length()) {
            if (line.charAt(offset) == '\t') {
                int toTab = 4 - (column % 4);
                if (columns) {
                    partiallyConsumedTab = toTab > left;
                    int step = Math.min(toTab, left);
                    column += step;
                    offset += partiallyConsumedTab ? 0 : 1;
                    left -= step;
                } else {
                    partiallyConsumedTab = false;
                    column += toTab;
                    offset++;
                    left--;
                }
            } else {
                partiallyConsumedTab = false;
                offset++;
                column++;
                left--;
            }
        }
    }

    void advanceToEnd() {
        advance(line.length() - offset, false);
    }

    /** The character at index at, or -1 past the end. */
    int peek(int at) {
        return at < line.length() ? line.charAt(at) : -1;
    }

    /** Whether the line, from the next non-space character on, starts with what the pattern matches. */
    Matcher startsWith(Pattern pattern) {
        Matcher m = pattern.matcher(line).region(nextNonspace, line.length());
        return m.lookingAt() ? m : null;
    }

    static boolean isSpaceOrTab(int c) {
        return c == ' ' || c == '\t';
    }
}
