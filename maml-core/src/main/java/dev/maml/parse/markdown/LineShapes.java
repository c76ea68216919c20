package dev.maml.parse.markdown;

/**
 * The leaf-block shapes CommonMark recognises by a line's first characters, checked by hand: these
 * run for nearly every line of a document, where a regular expression's matcher would cost more
 * than the rest of the line's reading.
 */
final class LineShapes {

    private LineShapes() {
    }

    /** The level of the ATX heading the line starts at from ("#" to "######", then a space, a tab or the end), or 0. */
    static int atxLevel(String line, int from) {
        int run = run(line, from, '#');
        if (run < 1 || run > 6) {
            return 0;
        }
        int after = from + run;
        return after == line.length() || Cursor.isSpaceOrTab(line.charAt(after)) ? run : 0;
    }

    /**
     * The length of the opening fence at from: three or more backticks (then no backtick in the info
     * string) or tildes; 0 if there is none.
     */
    static int openingFence(String line, int from) {
        if (from >= line.length()) {
            return 0;
        }
        char c = line.charAt(from);
        if (c != '`' && c != '~') {
            return 0;
        }
        int run = run(line, from, c);
        if (run < 3 || (c == '`' && line.indexOf('`', from + run) >= 0)) {
            return 0;
        }
        return run;
    }

    /** Whether from starts a closing fence for this fence: its character at least as often, then only spaces and tabs. */
    static boolean closesFence(String line, int from, char fenceChar, int fenceLength) {
        int run = run(line, from, fenceChar);
        return run >= fenceLength && blankFrom(line, from + run);
    }

    /** Whether the line from from is a setext underline: "=" or "-" repeated, then only spaces and tabs. */
    static boolean setextUnderline(String line, int from) {
        if (from >= line.length() || (line.charAt(from) != '=' && line.charAt(from) != '-')) {
            return false;
        }
        return blankFrom(line, from + run(line, from, line.charAt(from)));
    }

    /** Whether the line from from is a thematic break: three or more "*", "-" or "_", spaces and tabs between. */
    static boolean thematicBreak(String line, int from) {
        if (from >= line.length()) {
            return false;
        }
        char c = line.charAt(from);
        if (c != '*' && c != '-' && c != '_') {
            return false;
        }
        int count = 0;
        for (int i = from; i < line.length(); i++) {
            char d = line.charAt(i);
            if (d == c) {
                count++;
            } else if (!Cursor.isSpaceOrTab(d)) {
                return false;
            }
        }
        return count >= 3;
    }

    static boolean blankFrom(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            if (!Cursor.isSpaceOrTab(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int run(String line, int from, char c) {
        int i = from;
        while (i < line.length() && line.charAt(i) == c) {
            i++;
        }
        return i - from;
    }
}
