package dev.maml.lsp.suppression;

import dev.maml.diagnostic.RuleId;
import dev.maml.model.CodeBlock;
import dev.maml.model.FrontMatter;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and how to write the inline disable that silences one rule on one line, in the syntax the
 * lint engine honours (dev.maml.lint.Suppressions, docs/lint.md "Inline suppressions"):
 * <ul>
 * <li>a body line: {@code <!-- maml-lint-disable-next-line ID -->} on a new line above it, with
 * its indentation (so a list item's line stays in the item);</li>
 * <li>a front-matter line (or its closing {@code ---}): the YAML comment
 * {@code # maml-lint-disable-next-line ID} above it;</li>
 * <li>a line inside a code fence, where comments are code: {@code maml-lint-disable ID} above the
 * fence and {@code maml-lint-enable ID} after it, so the rule is off for that block only;</li>
 * <li>the opening {@code ---} (or the first line, without front matter), where no comment can go
 * before: {@code maml-lint-disable-file ID} right after the front matter (the first line).</li>
 * </ul>
 * When the line above already holds a next-line directive, the id is added to it: a new line in
 * between would move that directive off the line it was written for.
 */
public final class DisableComment {

    /** What the comment covers, for the action's title. */
    public enum Scope {
        LINE("this line"), CODE_BLOCK("this code block"), FILE("this file");

        private final String words;

        Scope(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** Text to insert at an offset of the document. */
    public record Insert(int offset, String text) {
    }

    /** The scope and the inserts that disable a rule for it. */
    public record Plan(Scope scope, List<Insert> inserts) {
    }

    private static final Pattern BODY_NEXT_LINE = Pattern.compile(
            "<!--\\s*maml-lint-disable-next-line((?:[\\s,]+[\\w-]+)+)[\\s,]*-->");
    private static final Pattern YAML_NEXT_LINE = Pattern.compile(
            "^[ \\t]*#[ \\t]*maml-lint-disable-next-line((?:[ \\t,]+[\\w-]+)+)[ \\t,]*\\r?$");

    private DisableComment() {
    }

    /**
     * How to disable {@code rule} for the finding that starts at {@code offset}; empty when no
     * comment can do it (a finding on the opening {@code ---} of a document whose body is one
     * unclosed code fence: every comment there would be code).
     */
    public static Optional<Plan> plan(MamlDocument doc, RuleId rule, int offset) {
        LineIndex lines = doc.lines();
        String text = doc.text();
        int line = lines.lineOf(offset);
        FrontMatter fm = doc.frontMatter();
        if (fm != null && line == lines.lineOf(fm.range().start())) {
            return wholeFile(doc, rule, lines.lineOf(fm.range().end()));
        }
        if (fm == null && line == 0) {
            // A finding about the whole file is anchored at offset 0: a line inserted above would not move it.
            return wholeFile(doc, rule, 0);
        }
        boolean inFrontMatter = fm != null && offset < fm.range().end();
        if (!inFrontMatter) {
            for (CodeBlock b : doc.codeBlocks()) {
                if (offset >= b.content().start() && offset < b.range().end()) {
                    return Optional.of(codeBlock(doc, b, rule));
                }
            }
        }
        Insert extended = extendDirectiveAbove(doc, line, rule, inFrontMatter ? YAML_NEXT_LINE : BODY_NEXT_LINE);
        if (extended != null) {
            return Optional.of(new Plan(Scope.LINE, List.of(extended)));
        }
        int start = lines.lineStart(line);
        String indent = indentation(text, start);
        String comment = inFrontMatter ? "# maml-lint-disable-next-line " + rule.id()
                : "<!-- maml-lint-disable-next-line " + rule.id() + " -->";
        return Optional.of(new Plan(Scope.LINE, List.of(new Insert(start, indent + comment
                + lineBreak(text, lines, line)))));
    }

    /** A {@code -file} directive after {@code line}, or at the end when a code fence starts there. */
    private static Optional<Plan> wholeFile(MamlDocument doc, RuleId rule, int line) {
        LineIndex lines = doc.lines();
        String text = doc.text();
        int next = lines.nextLineStart(line);
        int at = inCode(doc, next) ? text.length() : next;
        if (at == text.length() && doc.codeBlocks().stream().anyMatch(b -> !b.closed())) {
            return Optional.empty();
        }
        String br = lineBreak(text, lines, 0);
        String lead = at == text.length() && !text.isEmpty() && !endsWithBreak(text) ? br : "";
        return Optional.of(new Plan(Scope.FILE, List.of(new Insert(at,
                lead + "<!-- maml-lint-disable-file " + rule.id() + " -->" + br))));
    }

    private static boolean inCode(MamlDocument doc, int offset) {
        return doc.codeBlocks().stream().anyMatch(b -> offset >= b.range().start() && offset < b.range().end());
    }

    /** Off before the fence, on again after it (a fence that runs to the end needs no "on"). */
    private static Plan codeBlock(MamlDocument doc, CodeBlock b, RuleId rule) {
        LineIndex lines = doc.lines();
        String text = doc.text();
        int open = lines.lineOf(b.open().start());
        // Above a next-line directive that targets the fence, so it still does.
        int at = open > 0 && directiveOn(doc, open - 1, BODY_NEXT_LINE) != null ? open - 1 : open;
        String br = lineBreak(text, lines, open);
        String indent = indentation(text, lines.lineStart(open));
        List<Insert> inserts = new ArrayList<>();
        inserts.add(new Insert(lines.lineStart(at), indent + "<!-- maml-lint-disable " + rule.id() + " -->" + br));
        if (b.closed()) {
            int closeLine = lines.lineOf(b.close().start());
            inserts.add(new Insert(lines.lineEnd(closeLine), br + indent + "<!-- maml-lint-enable " + rule.id() + " -->"));
        }
        return new Plan(Scope.CODE_BLOCK, inserts);
    }

    private static Insert extendDirectiveAbove(MamlDocument doc, int line, RuleId rule, Pattern directive) {
        if (line == 0) {
            return null;
        }
        Matcher m = directiveOn(doc, line - 1, directive);
        return m == null ? null : new Insert(doc.lines().lineStart(line - 1) + m.end(1), " " + rule.id());
    }

    /** The next-line directive on a line (matched against the line alone), or null. */
    private static Matcher directiveOn(MamlDocument doc, int line, Pattern directive) {
        LineIndex lines = doc.lines();
        Matcher m = directive.matcher(doc.text().substring(lines.lineStart(line), lines.lineEnd(line)));
        return m.find() ? m : null;
    }

    private static String indentation(String text, int lineStart) {
        int i = lineStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(lineStart, i);
    }

    /** The document's own break after {@code line} (the first line's when it has none), so no MAML092 appears. */
    private static String lineBreak(String text, LineIndex lines, int line) {
        String br = text.substring(lines.lineEnd(line), lines.nextLineStart(line));
        if (br.isEmpty()) {
            br = text.substring(lines.lineEnd(0), lines.nextLineStart(0));
        }
        return br.isEmpty() ? "\n" : br;
    }

    private static boolean endsWithBreak(String text) {
        return text.endsWith("\n") || text.endsWith("\r");
    }
}
