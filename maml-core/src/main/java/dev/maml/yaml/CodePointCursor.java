package dev.maml.yaml;

/**
 * Maps code-point offsets (what SnakeYAML counts) to UTF-16 offsets (what Java strings and the
 * document model count). Lookups arrive almost in order, so a moving cursor keeps this linear.
 */
final class CodePointCursor {

    private final String text;
    private final boolean bmpOnly;
    private int codePoints;
    private int chars;

    CodePointCursor(String text) {
        this.text = text;
        this.bmpOnly = !hasSurrogates(text);
    }

    private static boolean hasSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    int charOffset(long codePointOffset) {
        int target = (int) Math.max(0, Math.min(codePointOffset, Integer.MAX_VALUE));
        if (bmpOnly) {
            return Math.min(target, text.length());
        }
        if (target < codePoints) {
            codePoints = 0;
            chars = 0;
        }
        while (codePoints < target && chars < text.length()) {
            chars += Character.charCount(text.codePointAt(chars));
            codePoints++;
        }
        return chars;
    }
}
