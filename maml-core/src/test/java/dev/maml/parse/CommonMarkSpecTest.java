package dev.maml.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.model.CodeBlock;
import dev.maml.model.Heading;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.testing.Invariants;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Markdown structure MAML reads, measured against CommonMark: for each of the 652 examples of
 * the CommonMark spec 0.31.2 (test resource commonmark/, CC BY-SA 4.0, see its NOTICE.md), the
 * document-level ATX headings (level, text as written, line) and the fenced code blocks at any depth
 * (first and last line, info string, code) that {@link DocumentParser} sees must be the ones
 * commonmark-java's tree has. Each example is read as the body of a MAML document, after a front
 * matter: a "---" on line 1 of a MAML file opens the front matter, which is MAML's, not Markdown's.
 */
class CommonMarkSpecTest {

    private static final String FRONT_MATTER = "---\nx: 1\n---\n";
    private static final int FRONT_MATTER_LINES = 3;
    private static final Parser COMMONMARK = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    @Test
    void everySpecExampleHasTheHeadingsAndFencesCommonMarkSees() throws IOException {
        JsonNode examples = examples();
        assertEquals(652, examples.size(), "the spec 0.31.2 has 652 examples");
        Map<Integer, String> disagreements = new TreeMap<>();
        for (JsonNode example : examples) {
            String markdown = example.get("markdown").asString();
            List<String> expected = commonMark(markdown);
            List<String> actual = maml(markdown);
            if (!expected.equals(actual)) {
                disagreements.put(example.get("example").asInt(), example.get("section").asString()
                        + "\n  CommonMark: " + expected + "\n  MAML:       " + actual);
            }
        }
        StringBuilder report = new StringBuilder();
        disagreements.forEach((n, what) -> report.append("\nexample ").append(n).append(" (").append(what).append(')'));
        assertTrue(disagreements.isEmpty(), disagreements.size() + " of 652 examples disagree:" + report);
    }

    private static JsonNode examples() throws IOException {
        try (InputStream in = CommonMarkSpecTest.class.getResourceAsStream("/commonmark/spec-0.31.2.json")) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    /** What MAML's parser sees, one line per element, in document order. */
    private static List<String> maml(String markdown) {
        MamlDocument doc = DocumentParser.parse(FRONT_MATTER + markdown);
        Invariants.check(doc);
        LineIndex lines = doc.lines();
        Map<Integer, String> seen = new TreeMap<>();
        for (Heading h : doc.headings()) {
            seen.put(h.range().start(), heading(h.level(), h.text(), lines.lineOf(h.range().start()) - FRONT_MATTER_LINES));
        }
        for (CodeBlock b : doc.codeBlocks()) {
            int first = lines.lineOf(b.open().start());
            int last = b.close() != null ? lines.lineOf(b.close().start()) : lastLine(doc, b);
            seen.put(b.range().start(), fence(first - FRONT_MATTER_LINES, last - FRONT_MATTER_LINES, unescaped(b),
                    doc.code(b)));
        }
        return new ArrayList<>(seen.values());
    }

    /** An unclosed fence's last line: its last content line, or its opening line when it has none. */
    private static int lastLine(MamlDocument doc, CodeBlock b) {
        int end = b.range().end();
        return doc.lines().lineOf(end > b.content().start() ? end - 1 : b.open().start());
    }

    /** MAML keeps the info string as written; CommonMark's has backslash escapes and entities resolved. */
    private static String unescaped(CodeBlock b) {
        String fence = String.valueOf(b.fenceChar()).repeat(b.fenceLength());
        Node block = COMMONMARK.parse(fence + b.info() + "\n" + fence + "\n").getFirstChild();
        return ((FencedCodeBlock) block).getInfo();
    }

    /** What commonmark-java's tree has, in the same form. */
    private static List<String> commonMark(String markdown) {
        Node root = COMMONMARK.parse(markdown);
        List<String> seen = new ArrayList<>();
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Heading heading) {
                SourceSpan first = heading.getSourceSpans().get(0);
                boolean atx = markdown.substring(first.getInputIndex(), first.getInputIndex() + first.getLength())
                        .stripLeading().startsWith("#");
                if (heading.getParent() instanceof Document && atx) {
                    seen.add(heading(heading.getLevel(), rawText(markdown, heading), first.getLineIndex()));
                }
            }

            @Override
            public void visit(FencedCodeBlock block) {
                List<SourceSpan> spans = block.getSourceSpans();
                seen.add(fence(spans.get(0).getLineIndex(), spans.get(spans.size() - 1).getLineIndex(),
                        block.getInfo(), block.getLiteral()));
            }
        });
        return seen;
    }

    /** A heading's content as written: from its first inline to the end of its last. */
    private static String rawText(String markdown, org.commonmark.node.Heading heading) {
        if (heading.getFirstChild() == null) {
            return "";
        }
        int from = heading.getFirstChild().getSourceSpans().get(0).getInputIndex();
        List<SourceSpan> last = heading.getLastChild().getSourceSpans();
        SourceSpan end = last.get(last.size() - 1);
        return markdown.substring(from, end.getInputIndex() + end.getLength());
    }

    private static String heading(int level, String text, int line) {
        return "h" + level + " line " + line + " '" + text + "'";
    }

    private static String fence(int first, int last, String info, String code) {
        return "fence lines " + first + "-" + last + " info '" + info + "' code '" + code.replace("\t", "\\t") + "'";
    }
}
