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

    public LineIndex(String text) {
        this.text = text;
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
        this.lineStarts = Arrays.copyOf(starts, count);
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
