package dev.maml.parse.markdown;

/** CommonMark list item markers: "-", "+", "*", or one to nine digits and "." or ")". */
final class ListMarkers {

    private ListMarkers() {
    }

    /**
     * Reads a list marker at the cursor's next non-space character and moves past it and the spaces
     * that set the item's content column; returns the new item, or null (cursor unmoved) if the line
     * does not start one. In a paragraph only a non-empty item starting with "-", "+", "*" or "1"
     * may begin, so that a number or a dash in running text does not start a list.
     */
    static OpenBlock read(Cursor cursor, boolean inParagraph) {
        if (cursor.indented()) {
            return null;
        }
        int length = markerLength(cursor.line, cursor.nextNonspace, inParagraph);
        if (length == 0) {
            return null;
        }
        int after = cursor.peek(cursor.nextNonspace + length);
        if (after != -1 && !Cursor.isSpaceOrTab(after)) {
            return null;
        }
        if (inParagraph && LineShapes.blankFrom(cursor.line, cursor.nextNonspace + length)) {
            return null;
        }
        OpenBlock item = new OpenBlock(OpenBlock.Type.LIST_ITEM);
        item.markerOffset = cursor.indent;
        cursor.advanceNextNonspace();
        cursor.advance(length, true);
        int spacesStartColumn = cursor.column;
        int spacesStartOffset = cursor.offset;
        do {
            cursor.advance(1, true);
        } while (cursor.column - spacesStartColumn < 5 && Cursor.isSpaceOrTab(cursor.peek(cursor.offset)));
        boolean blankItem = cursor.peek(cursor.offset) == -1;
        int spaces = cursor.column - spacesStartColumn;
        if (spaces >= 5 || spaces < 1 || blankItem) {
            // content indented by five or more is indented code: the item's content starts after one space
            item.padding = length + 1;
            cursor.column = spacesStartColumn;
            cursor.offset = spacesStartOffset;
            if (Cursor.isSpaceOrTab(cursor.peek(cursor.offset))) {
                cursor.advance(1, true);
            }
        } else {
            item.padding = length + spaces;
        }
        return item;
    }

    private static int markerLength(String line, int from, boolean inParagraph) {
        if (from >= line.length()) {
            return 0;
        }
        char first = line.charAt(from);
        if (first == '-' || first == '+' || first == '*') {
            return 1;
        }
        int digits = 0;
        while (from + digits < line.length() && digits < 10 && isDigit(line.charAt(from + digits))) {
            digits++;
        }
        if (digits == 0 || digits > 9 || from + digits == line.length()) {
            return 0;
        }
        char delimiter = line.charAt(from + digits);
        if (delimiter != '.' && delimiter != ')') {
            return 0;
        }
        if (inParagraph && Integer.parseInt(line, from, from + digits, 10) != 1) {
            return 0;
        }
        return digits + 1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
