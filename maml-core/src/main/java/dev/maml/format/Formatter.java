package dev.maml.format;

import dev.maml.model.FrontMatter;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.parse.markdown.BlockScanner;
import dev.maml.parse.markdown.LineKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The canonical formatting of a document, deliberately conservative so it never changes meaning or
 * loses a comment, and so its output passes markdownlint's layout rules (docs/lint.md, "maml fmt and
 * markdownlint"). It only
 * <ol>
 * <li>removes trailing spaces and tabs from the front-matter delimiter lines,</li>
 * <li>puts one blank line before and after each ATX heading at the top level of the body (MD022),
 * except right below the front matter's closing delimiter, where markdownlint sees the first line,</li>
 * <li>puts one blank line before and after each fenced code block that is not inside a block quote
 * (MD031), around each setext heading at the top level (MD022), and before a list that interrupts a
 * paragraph at the top level (MD032), around each top-level thematic break (so a list before it
 * ends with a blank line, MD032); each only where the block boundary is already there, so
 * nothing is read differently,</li>
 * <li>removes trailing spaces and tabs from body lines outside fenced code, keeping exactly two
 * spaces after text (a hard line break) and lines that may be indented code (MD009),</li>
 * <li>turns runs of blank lines outside fenced code into one blank line (MD012), unless they may be
 * inside indented code, and drops blank lines at the end,</li>
 * <li>makes every line break the document's dominant one (LF unless CRLF is the majority),</li>
 * <li>ends the text with a line break.</li>
 * </ol>
 * The front matter (apart from its delimiters) and the content of fenced code blocks are kept as
 * written (apart from their line breaks). Formatting formatted text changes nothing. Shared by the
 * language server's formatting and `maml fmt`.
 */
public final class Formatter {

    /** A fence line outside any block quote: up to three spaces (a list item's content may indent it so) then the fence. */
    private static final Pattern UNQUOTED_FENCE = Pattern.compile("^ *(```|~~~)");
    /** A line that may be indented code (four spaces or a tab): its blanks are kept as written. */
    private static final Pattern MAYBE_CODE = Pattern.compile("^( {4}|\\t)");

    private enum Kind { FRONT_MATTER, CODE, TEXT }

    private record Line(String text, Kind kind) {
        boolean blank() {
            return kind != Kind.CODE && kind != Kind.FRONT_MATTER && text.isBlank();
        }
    }

    private Formatter() {
    }

    public static String format(MamlDocument doc) {
        String text = doc.text();
        if (text.isEmpty()) {
            return text;
        }
        List<Line> lines = collapseBlankRuns(layout(doc));
        String eol = dominantLineBreak(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (Line line : lines) {
            out.append(line.text()).append(eol);
        }
        return out.toString();
    }

    /** The lines with delimiters trimmed, trailing blanks removed and blank lines around headings and fences. */
    private static List<Line> layout(MamlDocument doc) {
        String text = doc.text();
        LineIndex index = doc.lines();
        FrontMatter fm = doc.frontMatter();
        int bodyStart = fm == null ? 0 : fm.closed() ? index.lineOf(fm.closeDelimiter().start()) + 1 : index.lineCount();
        int last = index.lineCount() - 1;
        if (text.endsWith("\n") || text.endsWith("\r")) {
            last--; // the empty "line" after the final break
        }
        List<Line> out = new ArrayList<>();
        for (int line = 0; line < Math.min(bodyStart, last + 1); line++) {
            String content = text.substring(index.lineStart(line), index.lineEnd(line));
            boolean delimiter = line == index.lineOf(fm.openDelimiter().start()) || fm.closed() && line == bodyStart - 1;
            out.add(new Line(delimiter ? content.stripTrailing() : content, Kind.FRONT_MATTER));
        }
        BlockScanner blocks = new BlockScanner();
        boolean blankAfter = false;
        int paragraphStart = -1;
        for (int line = bodyStart; line <= last; line++) {
            String content = text.substring(index.lineStart(line), index.lineEnd(line));
            LineKind kind = blocks.line(content);
            if (kind == LineKind.FENCE_CONTENT) {
                out.add(new Line(content, Kind.CODE));
                continue;
            }
            boolean unquotedFence = UNQUOTED_FENCE.matcher(content).find();
            boolean heading = kind == LineKind.SECTION_HEADING || kind == LineKind.HEADING;
            Line current = new Line(trimEnd(content), Kind.TEXT);
            if (blocks.setextUnderline() && paragraphStart >= 0 && blankNeededBefore(out, paragraphStart)) {
                out.add(paragraphStart, new Line("", Kind.TEXT)); // MD022 above a setext heading: before its first line
            }
            boolean needsBlankBefore = heading || kind == LineKind.FENCE_OPEN && unquotedFence || blocks.listInterruptsParagraph()
                    || blocks.topLevelBreak();
            if ((needsBlankBefore || blankAfter && !current.blank()) && blankNeededBefore(out, out.size())) {
                out.add(new Line("", Kind.TEXT));
            }
            if (blocks.paragraphStarted()) {
                paragraphStart = out.size();
            }
            out.add(current);
            blankAfter = heading || blocks.setextUnderline() || blocks.topLevelBreak() || kind == LineKind.FENCE_CLOSE && unquotedFence;
        }
        return out;
    }

    /**
     * Whether a blank line must go in before {@code out[at]}: the line above is neither blank nor the
     * front matter's (markdownlint reads the first line below the front matter as the first line).
     */
    private static boolean blankNeededBefore(List<Line> out, int at) {
        return at > 0 && !out.get(at - 1).blank() && out.get(at - 1).kind() != Kind.FRONT_MATTER;
    }

    /**
     * Trailing spaces and tabs go, except exactly two spaces after text (markdownlint's br_spaces: a
     * hard line break) and on a line that may be indented code, whose blanks may be content.
     */
    private static String trimEnd(String line) {
        if (MAYBE_CODE.matcher(line).find()) {
            return line.isBlank() ? "" : line;
        }
        String stripped = line.stripTrailing();
        if (!stripped.isEmpty() && line.length() - stripped.length() == 2 && line.endsWith("  ")) {
            return line;
        }
        return stripped;
    }

    /**
     * One blank line where there were several, and none at the end; blank lines between two lines that
     * may be indented code stay (they are the code's own).
     */
    private static List<Line> collapseBlankRuns(List<Line> lines) {
        List<Line> out = new ArrayList<>(lines.size());
        int i = 0;
        while (i < lines.size()) {
            Line line = lines.get(i);
            if (!line.blank()) {
                out.add(line);
                i++;
                continue;
            }
            int end = i;
            while (end < lines.size() && lines.get(end).blank()) {
                end++;
            }
            boolean atEnd = end == lines.size();
            boolean inIndentedCode = !out.isEmpty() && !atEnd && mayBeCode(out.get(out.size() - 1)) && mayBeCode(lines.get(end));
            if (inIndentedCode) {
                out.addAll(lines.subList(i, end));
            } else if (!atEnd) {
                out.add(new Line("", Kind.TEXT));
            }
            i = end;
        }
        return out;
    }

    private static boolean mayBeCode(Line line) {
        return line.kind() == Kind.TEXT && MAYBE_CODE.matcher(line.text()).find();
    }

    /** "\r\n" when most line breaks are CRLF, else "\n". */
    static String dominantLineBreak(String text) {
        int lf = 0;
        int crlf = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (i > 0 && text.charAt(i - 1) == '\r') {
                crlf++;
            } else {
                lf++;
            }
        }
        return crlf > lf ? "\r\n" : "\n";
    }
}
