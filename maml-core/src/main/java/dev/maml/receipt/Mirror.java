package dev.maml.receipt;

/**
 * The MARKUP mirror of spec section 9, "text-reversal": split at '\n', reverse the order of the
 * lines, reverse the code points of each line (never UTF-16 units, so surrogate pairs stay valid),
 * join with '\n'. It is its own inverse for every string (CR, combining marks and characters outside
 * the BMP are just code points). It is a presentation, not a protection: anyone can apply it.
 */
public final class Mirror {

    public static final String METHOD = "text-reversal";

    private Mirror() {
    }

    public static String apply(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int end = text.length();
        while (true) {
            int start = text.lastIndexOf('\n', end - 1) + 1;
            reverseCodePoints(text, start, end, out);
            if (start == 0) {
                return out.toString();
            }
            out.append('\n');
            end = start - 1;
        }
    }

    private static void reverseCodePoints(String text, int start, int end, StringBuilder out) {
        int i = end;
        while (i > start) {
            int cp = text.codePointBefore(i);
            out.appendCodePoint(cp);
            i -= Character.charCount(cp);
        }
    }
}
