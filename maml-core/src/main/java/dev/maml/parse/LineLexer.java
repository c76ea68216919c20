package dev.maml.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structure lexer of grammar/MamlLexer.g4, written out by hand. Every token there is a whole
 * line (without its '\n') or a line break: each content rule either ends in ~[\n]* or is a fixed
 * shape, TEXT matches any line, and ANTLR takes the longest match with ties to the rule written
 * first. So a line's type is the first rule, in the grammar's order, that matches the whole line,
 * and that is decided from the line's first characters. The modes and actions are the grammar's:
 * a "---" line opens the front matter only on line 1 (after an optional BOM), which is closed by the
 * next "---" line or, when none follows, by the first "## " line. {@code LineLexerOracleProperties} checks
 * this lexer token for token against the one ANTLR generates from the grammar.
 */
final class LineLexer implements LineTokens {

    private enum Mode { BODY, FRONT_MATTER, UNCLOSED_FRONT_MATTER, BOM }

    /** HISTORY_ENTRY up to its ~[\n]* tail (TIMESTAMP spelled out). */
    private static final Pattern HISTORY_ENTRY = Pattern.compile("-[ \\t]+[0-9]{4}-[0-9]{2}-[0-9]{2}"
            + "(?:[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?)?"
            + ":[ \\t]*\\[[A-Za-z_]+\\]");

    private final String text;
    /** Made for the first line that may be a History entry. */
    private Matcher history;
    private int index;
    private Mode mode;
    private boolean afterBom;

    /**
     * @param from where to start (0, or a section start when {@link IncrementalParser} reads a
     *             stretch again); token offsets stay offsets into the whole text
     * @param bom  whether the text starts with U+FEFF, which is then a token of its own
     */
    LineLexer(String text, int from, boolean bom) {
        this.text = text;
        this.index = from;
        this.mode = bom ? Mode.BOM : Mode.BODY;
    }

    @Override
    public LineToken next() {
        int start = index;
        if (start >= text.length()) {
            return new LineToken(text, LineType.EOF, start, start);
        }
        if (mode == Mode.BOM) {
            mode = Mode.BODY;
            afterBom = true;
            index++;
            return new LineToken(text, LineType.BOM, start, index);
        }
        if (text.charAt(start) == '\n') {
            index++;
            return new LineToken(text, mode == Mode.BODY ? LineType.NEWLINE : LineType.FM_NEWLINE, start, index);
        }
        int end = text.indexOf('\n', start);
        if (end < 0) {
            end = text.length();
        }
        index = end;
        return new LineToken(text, type(start, end), start, end);
    }

    private LineType type(int start, int end) {
        switch (mode) {
            case FRONT_MATTER -> {
                if (delimiter(start, end)) {
                    mode = Mode.BODY;
                    return LineType.FM_CLOSE;
                }
                return LineType.YAML_LINE;
            }
            case UNCLOSED_FRONT_MATTER -> {
                // FM_ABANDON: '##' ([ \t\r] ~[\n]*)?
                if (end - start >= 2 && text.startsWith("##", start) && (end - start == 2 || spaceTabOrCr(text.charAt(start + 2)))) {
                    mode = Mode.BODY;
                    return LineType.H2;
                }
                return LineType.YAML_LINE;
            }
            default -> {
                return bodyLine(start, end);
            }
        }
    }

    private LineType bodyLine(int start, int end) {
        if (delimiter(start, end)) {
            if (start == 0 || start == 1 && afterBom) {
                mode = closingDelimiterFollows(end) ? Mode.FRONT_MATTER : Mode.UNCLOSED_FRONT_MATTER;
                return LineType.FM_OPEN;
            }
            return LineType.TEXT;
        }
        char first = text.charAt(start);
        if (first == '-' && start + 1 < end && spaceOrTab(text.charAt(start + 1)) && historyEntry(start, end)) {
            return LineType.HISTORY_ENTRY;
        }
        if (listItem(start, end)) {
            return LineType.LIST_ITEM;
        }
        if (keyValue(first, start, end)) {
            return LineType.KEY_VALUE;
        }
        return LineType.TEXT;
    }

    private boolean historyEntry(int start, int end) {
        if (history == null) {
            history = HISTORY_ENTRY.matcher(text);
        }
        return history.region(start, end).lookingAt();
    }

    /** FM_OPEN, FM_CLOSE: '---' [ \t\r]* */
    private boolean delimiter(int start, int end) {
        if (end - start < 3 || !text.startsWith("---", start)) {
            return false;
        }
        for (int i = start + 3; i < end; i++) {
            if (!spaceTabOrCr(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** LIST_ITEM: ' '? ' '? ' '? [-*+] ([ \t] ~[\n]*)? */
    private boolean listItem(int start, int end) {
        int i = start;
        while (i < end && i - start < 3 && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= end) {
            return false;
        }
        char marker = text.charAt(i);
        if (marker != '-' && marker != '*' && marker != '+') {
            return false;
        }
        return i + 1 == end || spaceOrTab(text.charAt(i + 1));
    }

    /** KEY_VALUE: [A-Za-z_] [A-Za-z0-9_.\-]* ':' ~[\n]* */
    private boolean keyValue(char first, int start, int end) {
        if (!letter(first) && first != '_') {
            return false;
        }
        int i = start + 1;
        while (i < end) {
            char c = text.charAt(i);
            if (letter(c) || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-') {
                i++;
            } else {
                return c == ':';
            }
        }
        return false;
    }

    /**
     * Whether a "---" line (spaces, tabs and CRs after it allowed) follows the line that ends at
     * {@code from}: the grammar's look-ahead when the front matter opens, which decides whether it
     * is closed.
     */
    private boolean closingDelimiterFollows(int from) {
        // the JDK's string search finds the candidate lines, rather than a test at every line start
        for (int nl = text.indexOf("\n---", from); nl >= 0; nl = text.indexOf("\n---", nl + 1)) {
            int j = nl + 4;
            while (j < text.length() && spaceTabOrCr(text.charAt(j))) {
                j++;
            }
            if (j == text.length() || text.charAt(j) == '\n') {
                return true;
            }
        }
        return false;
    }

    private static boolean letter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean spaceOrTab(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean spaceTabOrCr(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }
}
