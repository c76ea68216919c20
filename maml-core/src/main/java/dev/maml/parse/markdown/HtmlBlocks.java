package dev.maml.parse.markdown;

import java.util.regex.Pattern;

/** The seven start conditions of CommonMark HTML blocks and the end conditions of the first five. */
final class HtmlBlocks {

    /** A line holds no '\n', and no other character ends it for '$'. */
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNIX_LINES;
    private static final String TAG_NAME = "[A-Za-z][A-Za-z0-9-]*";
    private static final String ATTRIBUTE_NAME = "[a-zA-Z_:][a-zA-Z0-9:._-]*";
    private static final String ATTRIBUTE_VALUE = "(?:[^\"'=<>`\\x00-\\x20]+|'[^']*'|\"[^\"]*\")";
    private static final String ATTRIBUTE = "(?:\\s+" + ATTRIBUTE_NAME + "(?:\\s*=\\s*" + ATTRIBUTE_VALUE + ")?)";
    private static final String OPEN_TAG = "<" + TAG_NAME + ATTRIBUTE + "*\\s*/?>";
    private static final String CLOSING_TAG = "</" + TAG_NAME + "\\s*>";

    private static final Pattern[] STARTS = {
        Pattern.compile("<(?:script|pre|textarea|style)(?:\\s|>|$)", FLAGS),
        Pattern.compile("<!--"),
        Pattern.compile("<[?]"),
        Pattern.compile("<![A-Za-z]"),
        Pattern.compile("<!\\[CDATA\\["),
        Pattern.compile("</?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup"
                + "|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset"
                + "|h[123456]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol"
                + "|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr"
                + "|track|ul)(?:\\s|/?>|$)", FLAGS),
        Pattern.compile("(?:" + OPEN_TAG + "|" + CLOSING_TAG + ")\\s*$", FLAGS),
    };

    private static final Pattern[] ENDS = {
        Pattern.compile("</(?:script|pre|textarea|style)>", FLAGS),
        Pattern.compile("-->"),
        Pattern.compile("\\?>"),
        Pattern.compile(">"),
        Pattern.compile("]]>"),
    };

    private HtmlBlocks() {
    }

    /**
     * The kind of HTML block the line starts at the cursor's next non-space character, or 0. Kind 7
     * (any lone tag) cannot interrupt a paragraph, so the caller says whether it may.
     */
    static int start(Cursor cursor, boolean mayInterruptParagraph) {
        for (int kind = 1; kind <= STARTS.length; kind++) {
            if ((kind < 7 || mayInterruptParagraph) && cursor.startsWith(STARTS[kind - 1]) != null) {
                return kind;
            }
        }
        return 0;
    }

    /** Kinds 1 to 5 end on the line that holds their end marker (after the cursor); 6 and 7 at a blank line. */
    static boolean ends(int kind, Cursor cursor) {
        return kind <= ENDS.length && ENDS[kind - 1].matcher(cursor.line).region(cursor.offset, cursor.line.length()).find();
    }
}
