package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.model.Range;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes a signature covers: each case pins one boundary of the CR/LF handling, for both
 * ways of computing them (from the text, and from the bytes the text was decoded from).
 */
class SignedBytesTest {

    private static String of(String text, Range line) {
        byte[] fromText = SignedBytes.of(text, line);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(fromText, SignedBytes.of(utf8, text, line), "from the bytes");
        if (utf8.length == text.length()) { // ASCII: the line's char offsets are its byte offsets
            assertArrayEquals(fromText, SignedBytes.of(utf8, line), "from the bytes, byte offsets");
        }
        return new String(fromText, StandardCharsets.UTF_8);
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
        String before = "\u00e9\uD83D\uDE80\u20ac\n";
        assertEquals(before + "z\n", of(before + "  signature: \"AA==\"\nz\n", Range.of(before.length(), before.length() + 20)),
                "a line after multi-byte characters: its byte offsets are not its char offsets");
        assertEquals("?\nz\n", of("\uD800\n  signature: \"AA==\"\nz\n",
                Range.of(2, 22)), "after a lone surrogate, which getBytes writes as '?'");
    }
}
