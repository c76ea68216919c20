package dev.maml.sign;

import dev.maml.model.Range;
import java.nio.charset.StandardCharsets;

/**
 * What a signature covers (spec section 8): the text as UTF-8 with CRLF line breaks turned into LF,
 * minus the one line that holds the signature itself. Nothing else is removed or normalised; a lone CR
 * stays as it is, but a signed text holding one is malformed before it gets here (see
 * {@link LineBreaks}).
 */
public final class SignedBytes {

    private SignedBytes() {
    }

    /** @param signatureLine the whole line to leave out, its line break included */
    public static byte[] of(String text, Range signatureLine) {
        StringBuilder b = new StringBuilder(text.length());
        b.append(text, 0, signatureLine.start()).append(text, signatureLine.end(), text.length());
        int w = 0;
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c == '\r' && i + 1 < b.length() && b.charAt(i + 1) == '\n') {
                continue;
            }
            b.setCharAt(w++, c);
        }
        b.setLength(w);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
