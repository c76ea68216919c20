package dev.maml.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineIndexTest {

    private final String text = "ab\r\n\uD83D\uDE00x\n\nlast";
    private final LineIndex index = new LineIndex(text);

    @Test
    void linesEndAtLineFeedsAndExcludeTheirBreak() {
        assertEquals(4, index.lineCount());
        assertEquals(2, index.lineEnd(0));
        assertEquals(4, index.lineStart(1));
        assertEquals(7, index.lineEnd(1));
        assertEquals(text.length(), index.lineEnd(3));
    }

    @Test
    void lspColumnsCountUtf16UnitsAndCliColumnsCountCodePoints() {
        int x = text.indexOf('x');
        assertEquals(new Position(1, 2), index.position(x));
        assertEquals(2, index.displayLine(x));
        assertEquals(2, index.displayColumn(x));
        assertEquals(x, index.offset(new Position(1, 2)));
    }

    @Test
    void positionsPastTheEndClamp() {
        assertEquals(7, index.offset(new Position(1, 99)));
        assertEquals(text.length(), index.offset(new Position(99, 0)));
        assertEquals(new Position(3, 4), index.position(1000));
    }

    /**
     * A lone CR ends a line, as it does for YAML, CommonMark and an LSP client (the protocol's line
     * breaks are "\n", "\r\n" and "\r"): a position the server sends names the line the editor shows.
     */
    @Test
    void aLoneCarriageReturnEndsALineAsInTheLanguageServerProtocol() {
        String cr = "a\rbc\r\nd\r\re";
        LineIndex lines = new LineIndex(cr);
        assertEquals(5, lines.lineCount());
        assertEquals(1, lines.lineEnd(0));
        assertEquals(2, lines.lineStart(1));
        assertEquals(4, lines.lineEnd(1));
        assertEquals(6, lines.nextLineStart(1));
        assertEquals(7, lines.lineEnd(2));
        assertEquals(8, lines.lineStart(3));
        assertEquals(8, lines.lineEnd(3));
        assertEquals(new Position(4, 0), lines.position(cr.indexOf('e')));
        assertEquals(new Position(1, 1), lines.position(cr.indexOf('c')));
        assertEquals(cr.indexOf('c'), lines.offset(new Position(1, 1)));
        assertEquals(5, lines.displayLine(cr.indexOf('e')));
        assertEquals(1, lines.offset(new Position(0, 99)), "a column past the end stops at the line's break");
    }
}
