package dev.maml.yaml;

import dev.maml.model.Range;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the front matter most documents have without SnakeYAML: block mappings and block sequences
 * whose values are one-line plain or quoted scalars or one-line flow collections of such scalars,
 * sequences of such mappings, with comments and blank lines. It gives exactly the nodes and ranges of {@link YamlReader}'s full
 * reader (SnakeYAML's event marks as Jackson reports them); {@code PlainBlockYamlOracleProperties}
 * checks that. Anything outside that subset (tabs, CR, characters outside the BMP, anchors, aliases,
 * tags, escapes, multi-line scalars, duplicate keys, long numbers, deep
 * nesting, large texts, anything malformed) gives null, and the full reader reads it: errors,
 * limits and the rare forms stay its business.
 */
final class PlainBlockYaml {

    /** Larger texts go to the full reader: far below its node limits, so no limit can be crossed here. */
    private static final int MAX_LENGTH = 16 * 1024;
    /** Deeper nesting goes to the full reader (its limit is 200). */
    private static final int MAX_DEPTH = 32;
    /** Longer plain scalars of number characters go to the full reader: Jackson decodes numbers, and may fail to. */
    private static final int MAX_NUMBER_LENGTH = 15;

    /** Thrown when the text is outside the subset; never escapes {@link #read}. */
    private static final class Outside extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Outside INSTANCE = new Outside();

        private Outside() {
            super(null, null, false, false);
        }
    }

    private final String doc;
    private final int end;
    /** The start of the line being read. */
    private int pos;

    private PlainBlockYaml(String doc, int start, int end) {
        this.doc = doc;
        this.end = end;
        this.pos = start;
    }

    /** The root mapping of {@code doc}'s text [start, end), or null when the full reader must read it. */
    static YamlNode read(String doc, int start, int end) {
        if (end <= start || end - start > MAX_LENGTH) {
            return null;
        }
        PlainBlockYaml reader = new PlainBlockYaml(doc, start, end);
        try {
            reader.skipIgnorable();
            if (reader.pos >= end || reader.indent() != 0) {
                return null;
            }
            YamlMapping root = reader.mapping(0, -1, 1);
            return reader.pos == end ? root : null;
        } catch (Outside outside) {
            return null;
        }
    }

    /**
     * The block mapping whose keys stand in column {@code indent}, from the current line on; its
     * first key at {@code firstKey} when that line is a sequence item ("- key: value"), else -1.
     */
    private YamlMapping mapping(int indent, int firstKey, int depth) {
        int start = firstKey >= 0 ? firstKey : pos + indent;
        List<YamlEntry> entries = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        long size = 1;
        int rangeEnd = start;
        for (int lineStart = firstKey; lineStart >= 0 || skipIgnorable(); lineStart = -1) {
            if (lineStart < 0) {
                int ind = indent();
                if (ind < indent) {
                    break;
                }
                check(ind == indent);
                lineStart = pos + ind;
            }
            int lineEnd = lineEnd(lineStart);
            int colon = lineStart;
            check(keyStart(doc.charAt(colon)));
            while (colon < lineEnd && keyPart(doc.charAt(colon))) {
                colon++;
            }
            check(colon < lineEnd && doc.charAt(colon) == ':');
            String name = doc.substring(lineStart, colon);
            check(keys.add(name));
            YamlScalar key = YamlReader.scalar(doc, name, Range.of(lineStart, colon));
            check(colon + 1 == lineEnd || doc.charAt(colon + 1) == ' ');
            int valueStart = skipSpaces(colon + 1, lineEnd);
            YamlNode value;
            if (valueStart == lineEnd || doc.charAt(valueStart) == '#') {
                tail(colon + 1, lineEnd);
                pos = next(lineEnd);
                int nested = skipIgnorable() ? indent() : -1;
                if (nested > indent) {
                    check(depth < MAX_DEPTH);
                    value = doc.startsWith("- ", pos + nested) ? sequence(nested, depth + 1)
                            : mapping(nested, -1, depth + 1);
                } else {
                    // an indentless sequence ("key:" then "- item" at the key's indent) is the full reader's
                    check(nested != indent || !doc.startsWith("-", pos + nested));
                    // SnakeYAML puts an empty value right after the ':'
                    value = YamlReader.scalar(doc, "", Range.empty(colon + 1));
                }
            } else {
                value = inline(valueStart, lineEnd);
                pos = next(lineEnd);
            }
            entries.add(new YamlEntry(key, value));
            size += 1 + value.expandedSize();
            rangeEnd = Math.max(rangeEnd, value.range().end());
        }
        return new YamlMapping(entries, Range.of(start, rangeEnd), size);
    }

    private YamlSequence sequence(int indent, int depth) {
        int start = pos + indent;
        List<YamlNode> items = new ArrayList<>();
        long size = 1;
        int rangeEnd = start;
        while (skipIgnorable()) {
            int ind = indent();
            if (ind < indent) {
                break;
            }
            int lineStart = pos + ind;
            int lineEnd = lineEnd(lineStart);
            check(ind == indent && doc.startsWith("- ", lineStart) && lineStart + 2 < lineEnd);
            int itemStart = skipSpaces(lineStart + 2, lineEnd);
            check(itemStart < lineEnd && doc.charAt(itemStart) != '#');
            YamlNode item;
            if (startsMapping(itemStart, lineEnd)) {
                check(depth < MAX_DEPTH);
                item = mapping(itemStart - pos, itemStart, depth + 1);
            } else {
                item = inline(itemStart, lineEnd);
                pos = next(lineEnd);
            }
            items.add(item);
            size += item.expandedSize();
            rangeEnd = Math.max(rangeEnd, item.range().end());
        }
        return new YamlSequence(items, Range.of(start, rangeEnd), size);
    }

    /** Whether [from, lineEnd) starts with a key: word characters, then ':' ending the line or before a space. */
    private boolean startsMapping(int from, int lineEnd) {
        int colon = from;
        while (colon < lineEnd && keyPart(doc.charAt(colon))) {
            colon++;
        }
        return colon > from && keyStart(doc.charAt(from)) && colon < lineEnd && doc.charAt(colon) == ':'
                && (colon + 1 == lineEnd || doc.charAt(colon + 1) == ' ');
    }

    /** A value starting at {@code from} and ending its line: a plain or quoted scalar or a flow collection. */
    private YamlNode inline(int from, int lineEnd) {
        char c = doc.charAt(from);
        if (c == '"' || c == '\'') {
            int close = quoted(from, lineEnd);
            tail(close, lineEnd);
            return YamlReader.scalar(doc, doc.substring(from + 1, close - 1), Range.of(from, close));
        }
        if (c == '[') {
            return flowSequence(from, lineEnd);
        }
        if (c == '{') {
            return flowMapping(from, lineEnd);
        }
        check(plainStart(c));
        int valueEnd = from;
        for (int i = from; i < lineEnd; i++) {
            char p = doc.charAt(i);
            if (p == ' ') {
                if (i + 1 < lineEnd && doc.charAt(i + 1) == '#') {
                    comment(i + 2, lineEnd);
                    break;
                }
                continue;
            }
            // ": " or a final ':' would make a mapping
            check(textChar(p) && (p != ':' || (i + 1 < lineEnd && doc.charAt(i + 1) != ' ')));
            valueEnd = i + 1;
        }
        return plain(from, valueEnd);
    }

    /** The end of the quoted scalar at {@code from}, after its closing quote, on this line and without escapes. */
    private int quoted(int from, int lineEnd) {
        char quote = doc.charAt(from);
        for (int i = from + 1; i < lineEnd; i++) {
            char c = doc.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            // a backslash escapes in double quotes only
            check(textChar(c) && !(quote == '"' && c == '\\'));
        }
        throw Outside.INSTANCE;
    }

    /** {@code [a, "b"]}: items of word characters or double-quoted, ',' apart, spaces around them. */
    private YamlSequence flowSequence(int from, int lineEnd) {
        List<YamlNode> items = new ArrayList<>();
        int rangeEnd = from + 1;
        int i = skipSpaces(from + 1, lineEnd);
        if (i < lineEnd && doc.charAt(i) == ']') {
            tail(i + 1, lineEnd);
            return new YamlSequence(items, Range.of(from, rangeEnd), 1);
        }
        while (true) {
            YamlScalar item = flowScalar(i, lineEnd);
            items.add(item);
            rangeEnd = item.range().end();
            i = skipSpaces(rangeEnd, lineEnd);
            if (i < lineEnd && doc.charAt(i) == ']') {
                tail(i + 1, lineEnd);
                return new YamlSequence(items, Range.of(from, rangeEnd), 1 + items.size());
            }
            check(i < lineEnd && doc.charAt(i) == ',');
            i = skipSpaces(i + 1, lineEnd);
        }
    }

    /** {@code {a: b, c: "d"}}: word keys, values of word characters or double-quoted, ',' apart, spaces around them. */
    private YamlMapping flowMapping(int from, int lineEnd) {
        List<YamlEntry> entries = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int rangeEnd = from + 1;
        int i = skipSpaces(from + 1, lineEnd);
        if (i < lineEnd && doc.charAt(i) == '}') {
            tail(i + 1, lineEnd);
            return new YamlMapping(entries, Range.of(from, rangeEnd), 1);
        }
        while (true) {
            int colon = i;
            check(colon < lineEnd && keyStart(doc.charAt(colon)));
            while (colon < lineEnd && keyPart(doc.charAt(colon))) {
                colon++;
            }
            check(doc.startsWith(": ", colon));
            String name = doc.substring(i, colon);
            check(keys.add(name));
            YamlScalar value = flowScalar(skipSpaces(colon + 2, lineEnd), lineEnd);
            entries.add(new YamlEntry(YamlReader.scalar(doc, name, Range.of(i, colon)), value));
            rangeEnd = value.range().end();
            i = skipSpaces(rangeEnd, lineEnd);
            if (i < lineEnd && doc.charAt(i) == '}') {
                tail(i + 1, lineEnd);
                return new YamlMapping(entries, Range.of(from, rangeEnd), 1 + 2L * entries.size());
            }
            check(i < lineEnd && doc.charAt(i) == ',');
            i = skipSpaces(i + 1, lineEnd);
        }
    }

    /** An item of a flow collection: double-quoted, or plain of word characters. */
    private YamlScalar flowScalar(int from, int lineEnd) {
        check(from < lineEnd);
        if (doc.charAt(from) == '"') {
            int close = quoted(from, lineEnd);
            return YamlReader.scalar(doc, doc.substring(from + 1, close - 1), Range.of(from, close));
        }
        check(wordStart(doc.charAt(from)));
        int end = from + 1;
        while (end < lineEnd && wordPart(doc.charAt(end))) {
            end++;
        }
        return plain(from, end);
    }

    /** A plain scalar: Jackson reads "null" as a null token, whose value the full reader takes as "". */
    private YamlScalar plain(int from, int to) {
        String value = doc.substring(from, to);
        check(value.length() <= MAX_NUMBER_LENGTH || !numberLike(value));
        return YamlReader.scalar(doc, value.equals("null") ? "" : value, Range.of(from, to));
    }

    /** Only characters a YAML number can have: Jackson may decode it, and a long one may fail to. */
    private static boolean numberLike(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return true;
    }

    /** Skips blank and comment lines; whether a line remains. */
    private boolean skipIgnorable() {
        while (pos < end) {
            int lineEnd = lineEnd(pos);
            int first = skipSpaces(pos, lineEnd);
            if (first < lineEnd && doc.charAt(first) != '#') {
                return true;
            }
            if (first < lineEnd) {
                comment(first + 1, lineEnd);
            }
            pos = next(lineEnd);
        }
        return false;
    }

    /** What follows a value on its line: nothing, or spaces and a comment. */
    private void tail(int from, int lineEnd) {
        int i = skipSpaces(from, lineEnd);
        if (i < lineEnd) {
            check(i > from && doc.charAt(i) == '#');
            comment(i + 1, lineEnd);
        }
    }

    private void comment(int from, int lineEnd) {
        for (int i = from; i < lineEnd; i++) {
            check(textChar(doc.charAt(i)));
        }
    }

    private int skipSpaces(int from, int lineEnd) {
        int i = from;
        while (i < lineEnd && doc.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /**
     * A character SnakeYAML reads as printable and not a line break, one UTF-16 unit per code point:
     * printable ASCII and the BMP from U+00A0 without U+2028/U+2029 (line breaks in YAML), surrogates
     * and the byte order mark. No tabs.
     */
    private static boolean textChar(char c) {
        if (c < 0x80) {
            return c >= ' ' && c <= '~';
        }
        return c >= 0xA0 && c != 0x2028 && c != 0x2029 && !Character.isSurrogate(c) && c != 0xFEFF && c <= 0xFFFD;
    }

    private int indent() {
        int i = pos;
        while (i < end && doc.charAt(i) == ' ') {
            i++;
        }
        return i - pos;
    }

    private int lineEnd(int from) {
        int nl = doc.indexOf('\n', from);
        return nl < 0 || nl > end ? end : nl;
    }

    private int next(int lineEnd) {
        return lineEnd < end ? lineEnd + 1 : end;
    }

    private static boolean keyStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean keyPart(char c) {
        return keyStart(c) || (c >= '0' && c <= '9') || c == '-';
    }

    private static boolean wordStart(char c) {
        return keyStart(c) || (c >= '0' && c <= '9');
    }

    private static boolean wordPart(char c) {
        return wordStart(c) || c == '.' || c == '-';
    }

    /** Not an indicator that starts another kind of node (YAML 1.2 c-indicator) nor a space. */
    private static boolean plainStart(char c) {
        return "-?:,[]{}#&*!|>'\"%@` ".indexOf(c) < 0;
    }

    private static void check(boolean inSubset) {
        if (!inSubset) {
            throw Outside.INSTANCE;
        }
    }
}
