package dev.maml.sign;

import java.util.Base64;

/**
 * Strict base64 for signatures: the text must be exactly what encoding the decoded bytes gives. Plain
 * decoding ignores the unused low bits of the last character, so two texts would carry one
 * signature; requiring the canonical text makes every changed character of a signature count.
 */
public final class CanonicalBase64 {

    private CanonicalBase64() {
    }

    /** The decoded bytes, or null when {@code text} is not canonical base64. */
    public static byte[] decode(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return Base64.getEncoder().encodeToString(bytes).equals(text) ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
