package dev.maml.report;

import java.util.Locale;

/**
 * The one escaping of text that people read on a terminal or in a CI log: document content,
 * file names and messages are attacker-controlled, and a raw ESC, OSC or BEL there drives the
 * terminal (hyperlinks, title, clearing the screen), a line break forges a line (a GitHub
 * {@code ::error} command), a bidi override makes the text read differently from what it is.
 * Escaped are C0 controls (including tab, CR and LF), DEL, C1 controls, the line and paragraph
 * separators and the bidi formatting characters; each becomes {@code \xHH} (up to U+00FF) or
 * {@code \\uHHHH}. Everything else, backslashes too, is printed as it is. JSON and SARIF do not
 * use this: their encoder escapes control characters, and a JSON reader gets the exact text back.
 */
public final class Printable {

    private Printable() {
    }

    /** Whether {@code c} is escaped. */
    public static boolean isEscaped(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || c == '\u061C' || c == '\u200E' || c == '\u200F'
                || (c >= '\u2028' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /** {@code text} on one line: every escaped character, line breaks included, written as an escape. */
    public static String line(String text) {
        return escape(text, false);
    }

    /** {@code text} with its line breaks (LF) kept and everything else escaped, for multi-line output. */
    public static String lines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLineFeeds) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escape = isEscaped(c) && !(keepLineFeeds && c == '\n');
            if (escape && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escape) {
                appendEscape(out, c);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Appends {@code c} written as an escape: {@code \x1B}, {@code \\u202E}. */
    public static void appendEscape(StringBuilder out, char c) {
        String hex = Integer.toHexString(c).toUpperCase(Locale.ROOT);
        if (c <= 0xFF) {
            out.append("\\x").append(hex.length() == 1 ? "0" : "").append(hex);
        } else {
            out.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
        }
    }
}
