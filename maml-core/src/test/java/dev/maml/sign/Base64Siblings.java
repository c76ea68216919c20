package dev.maml.sign;

import java.util.ArrayList;
import java.util.List;

/**
 * The texts a lenient base64 decoder reads as the same bytes as {@code canonical}: the last character
 * before the padding replaced by every other character that differs only in the unused low bits.
 */
public final class Base64Siblings {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Base64Siblings() {
    }

    /** Empty when the text has no padding (its length in bytes divides by 3: no unused bits). */
    public static List<String> of(String canonical) {
        int padding = canonical.endsWith("==") ? 2 : canonical.endsWith("=") ? 1 : 0;
        List<String> out = new ArrayList<>();
        if (padding == 0) {
            return out;
        }
        int last = canonical.length() - padding - 1;
        int value = ALPHABET.indexOf(canonical.charAt(last));
        int unusedMask = padding == 2 ? 0b1111 : 0b11;
        for (int low = 1; low <= unusedMask; low++) {
            out.add(canonical.substring(0, last) + ALPHABET.charAt(value ^ low) + canonical.substring(last + 1));
        }
        return out;
    }
}
