package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The reasons LineBreaks gives name the right lines and the right kinds of break. */
class LineBreaksTest {

    private static final String MIXED = "; a signed text uses one kind of line break, since CRLF and LF sign alike";
    private static final String LONE = " ends with a lone carriage return (CR not followed by LF); "
            + "YAML reads a line break there and the signed bytes do not (MAML093)";

    @Test
    void oneKindThroughoutIsSound() {
        assertNull(LineBreaks.problem("a\nb\n"));
        assertNull(LineBreaks.problem("a\r\nb\r\n"));
        assertNull(LineBreaks.problem("no break"));
    }

    @Test
    void mixedBreaksNameTheLaterLineFirst() {
        assertEquals("line 2 ends with CRLF but line 1 with LF" + MIXED, LineBreaks.problem("a\nb\r\nc"));
        assertEquals("line 2 ends with LF but line 1 with CRLF" + MIXED, LineBreaks.problem("a\r\nb\nc"));
        assertEquals("line 3 ends with LF but line 1 with CRLF" + MIXED, LineBreaks.problem("a\r\nb\r\nc\nd\n"));
        assertEquals("line 3 ends with CRLF but line 1 with LF" + MIXED, LineBreaks.problem("\n\nc\r\n"));
    }

    @Test
    void aBreakAtTheVeryStartCountsAsTheFirstOfItsKind() {
        assertEquals("line 2 ends with LF but line 1 with CRLF" + MIXED, LineBreaks.problem("\r\na\n"));
        assertEquals("line 3 ends with LF but line 1 with CRLF" + MIXED, LineBreaks.problem("\r\nb\r\nc\n"));
        assertEquals("line 2 ends with CRLF but line 1 with LF" + MIXED, LineBreaks.problem("\nb\r\n"));
    }

    @Test
    void aLoneCarriageReturnNamesItsLine() {
        assertEquals("line 2" + LONE, LineBreaks.problem("a\nb\rc\n"));
        assertEquals("line 1" + LONE, LineBreaks.problem("a\r"));
        assertEquals("line 1" + LONE, LineBreaks.problem("\r\r\n"));
    }
}
