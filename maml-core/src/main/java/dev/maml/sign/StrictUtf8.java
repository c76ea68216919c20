package dev.maml.sign;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 refusing malformed input. Signatures and digests are over bytes; text that did not
 * decode exactly would re-encode to other bytes, so anything but clean UTF-8 is refused up front.
 */
public final class StrictUtf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private StrictUtf8() {
    }

    public static String decode(byte[] bytes) throws CharacterCodingException {
        // The String constructor is several times faster than a CharsetDecoder and puts U+FFFD for
        // every malformed sequence: without one in its result the bytes were clean UTF-8, and that
        // result is what strict decoding gives. With one (malformed, or a U+FFFD written as such),
        // the strict decoder decides.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /**
     * True when {@link #decode} would accept {@code bytes}, without making the text: the well-formed
     * sequences of Unicode's table 3-7 (no overlong form, no surrogate, nothing above U+10FFFF, no
     * truncated sequence), which is what Java's UTF-8 decoder accepts. Eight ASCII bytes at a time.
     */
    public static boolean isValid(byte[] bytes) {
        int n = bytes.length;
        int i = 0;
        while (i < n) {
            if (i + 8 <= n && ((long) LONGS.get(bytes, i) & 0x8080808080808080L) == 0) {
                i += 8;
                continue;
            }
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            if (b < 0xC2 || b > 0xF4) {
                return false; // a continuation byte, an overlong two-byte lead (C0, C1), or beyond U+10FFFF
            }
            int length = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            if (i + length > n) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            int low = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80; // no overlong three- and four-byte forms
            int high = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF; // no surrogates, nothing above U+10FFFF
            if (second < low || second > high) {
                return false;
            }
            for (int k = 2; k < length; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += length;
        }
        return true;
    }
}
