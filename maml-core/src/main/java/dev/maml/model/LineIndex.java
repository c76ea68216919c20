package dev.maml.model;

import java.util.Arrays;

/**
 * Converts between text offsets and line/column positions. Lines end at "\n", "\r\n" or a lone
 * "\r": the line breaks of YAML, CommonMark, the LSP and every editor, so a position means the same
 * line to all of them (a lone CR is still an error, MAML093). Two column conventions exist and nobody
 * else computes them: UTF-16 units, 0-based (LSP), and code points, 1-based (CLI, SARIF).
 */
public final class LineIndex {

    private final String text;
    private final int[] lineStarts;
    /** Whether every line break is a "\n" (no CR at all): only then can {@link #edited} splice. */
    private final boolean lfOnly;

    public LineIndex(String text) {
        this.text = text;
        this.lfOnly = text.indexOf('\r') < 0;
        this.lineStarts = lfOnly ? lfLineStarts(text) : lineStarts(text);
    }

    /** The usual text, "\n" breaks only: counted, then recorded, by the JDK's vectorised search. */
    private static int[] lfLineStarts(String text) {
        int breaks = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            breaks++;
        }
        int[] starts = new int[breaks + 1];
        int count = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts[count++] = i + 1;
        }
        return starts;
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n' && c != '\r') {
                continue;
            }
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        return Arrays.copyOf(starts, count);
    }

    private LineIndex(String text, int[] lineStarts) {
        this.text = text;
        this.lineStarts = lineStarts;
        this.lfOnly = true;
    }

    /**
     * The index of {@code newText}, which is this text with {@code [start, oldEnd)} replaced by
     * {@code newText[start, newEnd)}: the line starts before the edit are kept, those after it
     * shifted, and only the inserted text is read (an editor's change costs the edit, not the
     * document). A text with a CR anywhere is indexed afresh.
     */
    public LineIndex edited(String newText, int start, int oldEnd, int newEnd) {
        if (!lfOnly) {
            return new LineIndex(newText);
        }
        int kept = lineOf(start) + 1;
        int after = Arrays.binarySearch(lineStarts, oldEnd + 1);
        after = after >= 0 ? after : -after - 1;
        int[] inserted = new int[8];
        int count = 0;
        for (int i = start; i < newEnd; i++) {
            char c = newText.charAt(i);
            if (c == '\r') {
                return new LineIndex(newText);
            }
            if (c == '\n') {
                if (count == inserted.length) {
                    inserted = Arrays.copyOf(inserted, count * 2);
                }
                inserted[count++] = i + 1;
            }
        }
        int tail = lineStarts.length - after;
        int[] starts = new int[kept + count + tail];
        System.arraycopy(lineStarts, 0, starts, 0, kept);
        System.arraycopy(inserted, 0, starts, kept, count);
        int delta = newEnd - oldEnd;
        for (int i = 0; i < tail; i++) {
            starts[kept + count + i] = lineStarts[after + i] + delta;
        }
        return new LineIndex(newText, starts);
    }

    /** Whether the text has no CR at all (every line break is a "\n"). */
    public boolean lfOnly() {
        return lfOnly;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 0-based line of an offset (offsets past the end belong to the last line). */
    public int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, clamp(offset));
        return i >= 0 ? i : -i - 2;
    }

    public int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length - 1))];
    }

    /** Offset of the line's end, before its "\n", "\r\n" or "\r". */
    public int lineEnd(int line) {
        if (line + 1 >= lineStarts.length) {
            return text.length();
        }
        int end = lineStarts[line + 1] - 1;
        return end > lineStart(line) && text.charAt(end) == '\n' && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    /** Offset just past the line's break (or the text's end on the last line). */
    public int nextLineStart(int line) {
        return line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
    }

    public Position position(int offset) {
        int o = clamp(offset);
        int line = lineOf(o);
        return new Position(line, o - lineStarts[line]);
    }

    /** The offset of an LSP position; characters past the line's end clamp to it. */
    public int offset(Position position) {
        if (position.line() < 0) {
            return 0;
        }
        if (position.line() >= lineStarts.length) {
            return text.length();
        }
        int start = lineStarts[position.line()];
        int max = position.line() + 1 < lineStarts.length ? lineStarts[position.line() + 1] - 1 : text.length();
        return Math.min(start + Math.max(0, position.character()), max);
    }

    /** 1-based line number, as printed by the CLI. */
    public int displayLine(int offset) {
        return lineOf(offset) + 1;
    }

    /** 1-based column counted in code points, as printed by the CLI and SARIF. */
    public int displayColumn(int offset) {
        int o = clamp(offset);
        int start = lineStarts[lineOf(o)];
        return text.codePointCount(start, o) + 1;
    }

    private int clamp(int offset) {
        return Math.max(0, Math.min(offset, text.length()));
    }
}
