package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.model.Range;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The exact bytes a signature covers: each case pins one boundary of the CR/LF handling. */
class SignedBytesTest {

    private static String of(String text, Range line) {
        return new String(SignedBytes.of(text, line), StandardCharsets.UTF_8);
    }

    @Test
    void crlfBecomesLf() {
        assertEquals("x\ny\n", of("x\r\ny\r\n", Range.empty(0)));
    }

    @Test
    void aCrNotFollowedByLfStays() {
        assertEquals("a\rb", of("a\rb", Range.empty(0)));
        assertEquals("a\r", of("a\r", Range.empty(0)), "a CR as the last character");
        assertEquals("\n\rz", of("\n\rz", Range.empty(0)), "a CR after, not before, an LF");
        assertEquals("\r\r\n", of("\r\r\r\n", Range.empty(0)), "only the CR right before the LF goes");
    }

    @Test
    void theSignatureLineAndItsLineBreakAreLeftOut() {
        String text = "k: 1\r\n  signature: \"AA==\"\r\nz\r\n";
        int start = text.indexOf("  signature");
        int end = text.indexOf("z");
        assertEquals("k: 1\nz\n", of(text, Range.of(start, end)));
        assertEquals("k: 1\n", of("k: 1\n  signature: \"\"", Range.of(5, 20)), "the line at the very end");
    }

    @Test
    void everythingElseIsKeptByteForByte() {
        String text = "\uFEFF é\u0301\uD83D\uDE80\t \u2028\u0085\u200B\n";
        assertEquals(text, of(text, Range.empty(text.length())));
    }
}
