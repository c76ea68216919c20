package dev.maml.format;

import dev.maml.model.CodeBlock;
import dev.maml.model.FrontMatter;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.model.Section;
import java.util.HashSet;
import java.util.Set;

/**
 * The canonical formatting of a document, deliberately conservative so it never changes meaning or
 * loses a comment: it only
 * <ol>
 * <li>removes trailing spaces and tabs from the front-matter delimiter lines,</li>
 * <li>puts one blank line before each section heading that directly follows other text (not the
 * front matter's closing delimiter),</li>
 * <li>makes every line break the document's dominant one (LF unless CRLF is the majority),</li>
 * <li>ends the text with a line break.</li>
 * </ol>
 * Everything else, code fences included, is kept as written (apart from its line breaks). Formatting
 * formatted text changes nothing.
 * Shared by the language server's formatting and `maml fmt`.
 */
public final class Formatter {

    private Formatter() {
    }

    public static String format(MamlDocument doc) {
        String text = doc.text();
        if (text.isEmpty()) {
            return text;
        }
        LineIndex lines = doc.lines();
        String eol = dominantLineBreak(text);
        Set<Integer> delimiterLines = new HashSet<>();
        FrontMatter fm = doc.frontMatter();
        if (fm != null) {
            delimiterLines.add(lines.lineOf(fm.openDelimiter().start()));
            if (fm.closed()) {
                delimiterLines.add(lines.lineOf(fm.closeDelimiter().start()));
            }
        }
        Set<Integer> headingLines = new HashSet<>();
        for (Section s : doc.sections()) {
            headingLines.add(lines.lineOf(s.heading().start()));
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        String previous = null;
        int last = lines.lineCount() - 1;
        boolean endsWithBreak = text.endsWith("\n");
        for (int line = 0; line <= last; line++) {
            if (line == last && endsWithBreak) {
                break; // the empty "line" after the final break
            }
            String content = text.substring(lines.lineStart(line), lines.lineEnd(line));
            if (delimiterLines.contains(line)) {
                content = content.stripTrailing();
            }
            // Not after the closing "---": a section may start right below the front matter, as in
            // markdownlint, which reads the front matter as not part of the Markdown.
            if (headingLines.contains(line) && previous != null && !previous.isBlank()
                    && !delimiterLines.contains(line - 1) && !insideCode(doc, lines.lineStart(line))) {
                out.append(eol);
            }
            out.append(content).append(eol);
            previous = content;
        }
        return out.toString();
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

    private static boolean insideCode(MamlDocument doc, int offset) {
        for (CodeBlock b : doc.codeBlocks()) {
            if (offset > b.range().start() && offset < b.range().end()) {
                return true;
            }
        }
        return false;
    }
}
