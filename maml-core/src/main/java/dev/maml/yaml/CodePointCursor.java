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
        // Offsets map one to one unless the text has surrogate pairs (a lone surrogate is one code
        // point and one char). For a Latin-1 string the JDK answers without a scan.
        this.bmpOnly = text.codePointCount(0, text.length()) == text.length();
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
