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
}
