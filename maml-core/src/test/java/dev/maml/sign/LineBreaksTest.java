package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
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

    /** The eight-bytes-at-a-time scan against the byte itself: every value at every place of a word and the tail. */
    @Test
    void containsCrFindsACrAtEveryPlaceAndNothingElse() {
        for (int length = 1; length <= 19; length++) {
            for (int at = 0; at < length; at++) {
                for (int value = 0; value < 256; value++) {
                    byte[] bytes = new byte[length];
                    Arrays.fill(bytes, (byte) 'a');
                    bytes[at] = (byte) value;
                    assertEquals(value == '\r', LineBreaks.containsCr(bytes), length + " " + at + " " + value);
                }
            }
        }
        assertFalse(LineBreaks.containsCr(new byte[0]));
    }
}
