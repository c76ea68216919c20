package dev.maml.parse;

/**
 * Whitespace and {@code <!-- -->} comments at the edges of a stretch of Markdown: what an empty
 * section holds, and what may stand around a bare schema (a lint directive such as
 * {@code <!-- maml-lint-disable-next-line … -->} is a comment, not content). One scan, no
 * backtracking regex; a comment never closed runs to the end, as CommonMark reads it.
 */
public final class HtmlComments {

    private HtmlComments() {
    }

    /** The first index in {@code [from, to)} that is neither whitespace nor inside a comment; {@code to} if none. */
    public static int skipLeading(CharSequence text, int from, int to) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (startsWith(text, i, to, "<!--")) {
                int close = indexOf(text, "-->", i + 4, to);
                if (close < 0) {
                    return to;
                }
                i = close + 3;
            } else {
                return i;
            }
        }
        return to;
    }

    /**
     * The end of {@code [from, to)} without the whitespace and whole comments that close it: one past
     * the last character that is neither; {@code from} if none.
     */
    public static int skipTrailing(CharSequence text, int from, int to) {
        int end = to;
        while (end > from) {
            if (Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            } else if (end - from >= 7 && startsWith(text, end - 3, to, "-->")) {
                int open = lastIndexOf(text, "<!--", from, end - 3);
                if (open < 0) {
                    return end;
                }
                end = open;
            } else {
                return end;
            }
        }
        return from;
    }

    /** Whitespace and comments only. */
    public static boolean isBlank(CharSequence text) {
        return skipLeading(text, 0, text.length()) == text.length();
    }

    private static boolean startsWith(CharSequence text, int at, int to, String s) {
        if (at < 0 || at + s.length() > to) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (text.charAt(at + k) != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(CharSequence text, String s, int from, int to) {
        for (int i = from; i + s.length() <= to; i++) {
            if (startsWith(text, i, to, s)) {
                return i;
            }
        }
        return -1;
    }

    /** The last start of {@code s} that lies wholly in {@code [from, before)}. */
    private static int lastIndexOf(CharSequence text, String s, int from, int before) {
        for (int i = before - s.length(); i >= from; i--) {
            if (startsWith(text, i, before, s)) {
                return i;
            }
        }
        return -1;
    }
}
