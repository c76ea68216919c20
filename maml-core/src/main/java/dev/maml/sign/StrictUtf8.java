package dev.maml.sign;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 refusing malformed input. Signatures and digests are over bytes; text that did not
 * decode exactly would re-encode to other bytes, so anything but clean UTF-8 is refused up front.
 */
public final class StrictUtf8 {

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
}
