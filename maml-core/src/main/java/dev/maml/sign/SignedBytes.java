package dev.maml.sign;

import dev.maml.model.Range;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
        if (text.indexOf('\r') < 0) { // LF only, the usual case: only the line goes
            return (text.substring(0, signatureLine.start()) + text.substring(signatureLine.end()))
                    .getBytes(StandardCharsets.UTF_8);
        }
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

    /**
     * As {@link #of(String, Range)}, from the bytes {@code text} was decoded from (a verifier has
     * both): the same bytes, without encoding the whole text again.
     *
     * @param utf8          {@code text} as UTF-8
     * @param signatureLine the line to leave out, in {@code text}'s offsets
     */
    public static byte[] of(byte[] utf8, String text, Range signatureLine) {
        int start = utf8Length(text, 0, signatureLine.start());
        return of(utf8, Range.of(start, start + utf8Length(text, signatureLine.start(), signatureLine.end())));
    }

    /**
     * As {@link #of(byte[], String, Range)}, with the line to leave out given in byte offsets (a
     * verifier that found the text before it all ASCII has them without counting).
     */
    static byte[] of(byte[] utf8, Range signatureLineBytes) {
        int start = signatureLineBytes.start();
        int end = signatureLineBytes.end();
        byte[] b = new byte[utf8.length - (end - start)];
        System.arraycopy(utf8, 0, b, 0, start);
        System.arraycopy(utf8, end, b, start, utf8.length - end);
        if (!LineBreaks.containsCr(b)) {
            return b; // LF only, the usual case: nothing to drop
        }
        int w = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n') {
                continue;
            }
            b[w++] = b[i];
        }
        return w == b.length ? b : Arrays.copyOf(b, w);
    }

    /** How many bytes {@code String.getBytes(UTF_8)} gives for chars [from, to) (a lone surrogate: one '?'). */
    private static int utf8Length(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
