package dev.maml.sign;

import java.util.Base64;

/**
 * Strict base64 for signatures: the text must be exactly what encoding the decoded bytes gives. Plain
 * decoding ignores the unused low bits of the last character, so two texts would carry one
 * signature; requiring the canonical text makes every changed character of a signature count.
 */
public final class CanonicalBase64 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private CanonicalBase64() {
    }

    /**
     * The decoded bytes, or null when {@code text} is not canonical base64. Java's basic decoder
     * refuses every character outside the alphabet, a '=' anywhere but in the last group and a group
     * too short to hold a byte, and it accepts a last group without its padding; so what it accepts
     * at a length divisible by four is what the encoder writes, except for the unused low bits of
     * the character before the padding, which are checked here (rather than by encoding the bytes
     * again: the verifier does this for every signature).
     */
    public static byte[] decode(String text) {
        if (text.length() % 4 != 0) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
        if (padding == 0) {
            return bytes;
        }
        int unused = padding == 2 ? 0x0F : 0x03; // "xy==" keeps 8 of 12 bits, "xyz=" 16 of 18
        return (ALPHABET.indexOf(text.charAt(text.length() - 1 - padding)) & unused) == 0 ? bytes : null;
    }
}
