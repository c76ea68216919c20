package dev.maml.sign;

import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import java.util.regex.Pattern;

/**
 * Parses only what a signature check reads: the text up to and including the closing "---" line.
 * Offsets in that prefix are the document's own, so ranges stay valid for the whole text; the body
 * (most of a large document) is not parsed. Falls back to a full parse whenever the front matter is
 * not plainly closed, so the result never differs from the parser's reading of the front matter.
 */
final class FrontMatterPrefix {

    private static final Pattern DELIMITER = Pattern.compile("---[ \\t]*\\r?");

    private FrontMatterPrefix() {
    }

    static MamlDocument parse(String text) {
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int firstEnd = text.indexOf('\n', start);
        if (firstEnd < 0 || !DELIMITER.matcher(text.substring(start, firstEnd)).matches()) {
            return DocumentParser.parse(text);
        }
        for (int line = firstEnd + 1; line < text.length(); ) {
            int end = text.indexOf('\n', line);
            int stop = end < 0 ? text.length() : end;
            if (DELIMITER.matcher(text.substring(line, stop)).matches()) {
                MamlDocument prefix = DocumentParser.parse(text.substring(0, end < 0 ? stop : end + 1));
                return prefix.frontMatter() != null && prefix.frontMatter().closed() ? prefix : DocumentParser.parse(text);
            }
            if (end < 0) {
                break;
            }
            line = end + 1;
        }
        return DocumentParser.parse(text);
    }
}
