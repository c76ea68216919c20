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
        String rest = cursor.rest();
        int length = markerLength(rest, inParagraph);
        if (length == 0) {
            return null;
        }
        int after = cursor.peek(cursor.nextNonspace + length);
        if (after != -1 && !Cursor.isSpaceOrTab(after)) {
            return null;
        }
        if (inParagraph && rest.substring(length).isBlank()) {
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

    private static int markerLength(String rest, boolean inParagraph) {
        if (rest.isEmpty()) {
            return 0;
        }
        char first = rest.charAt(0);
        if (first == '-' || first == '+' || first == '*') {
            return 1;
        }
        int digits = 0;
        while (digits < rest.length() && digits < 10 && rest.charAt(digits) >= '0' && rest.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0 || digits > 9 || digits == rest.length()) {
            return 0;
        }
        char delimiter = rest.charAt(digits);
        if (delimiter != '.' && delimiter != ')') {
            return 0;
        }
        if (inParagraph && Integer.parseInt(rest.substring(0, digits)) != 1) {
            return 0;
        }
        return digits + 1;
    }
}
