package dev.maml.parse;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.TextEdit;
import dev.maml.model.CodeBlock;
import dev.maml.model.ContextEntry;
import dev.maml.model.FrontMatter;
import dev.maml.model.Heading;
import dev.maml.model.HistoryEntry;
import dev.maml.model.LineEndings;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.model.Preamble;
import dev.maml.model.Range;
import dev.maml.model.SchemaBlock;
import dev.maml.model.Section;
import dev.maml.parse.grammar.MamlLexer;
import dev.maml.parse.grammar.MamlParser;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlResult;
import dev.maml.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns the ANTLR parse tree into the immutable {@link MamlDocument} model. */
final class TreeBuilder {

    private static final Pattern HISTORY = Pattern.compile(
            "[ ]{0,3}-[ \\t]+(\\d{4}-\\d{2}-\\d{2}(?:[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:[Zz]|[+-]\\d{2}(?::?\\d{2})?)?)?)"
                    + ":[ \\t]*\\[([A-Za-z_]+)\\][ \\t]*(.*)");
    private static final Pattern CLOSING_HASHES = Pattern.compile("(?:^|[ \\t]+)#+[ \\t]*$");

    private final String text;
    private final LineIndex lines;
    private final boolean bom;
    private final List<Diagnostic> diagnostics;
    private final List<Section> sections = new ArrayList<>();
    private final List<Heading> headings = new ArrayList<>();
    private final List<CodeBlock> codeBlocks = new ArrayList<>();
    private final List<ContextEntry> context = new ArrayList<>();
    private final List<SchemaBlock> schemas = new ArrayList<>();
    private final List<HistoryEntry> history = new ArrayList<>();

    TreeBuilder(String text, boolean bom, List<Diagnostic> diagnostics) {
        this.text = text;
        this.lines = new LineIndex(text);
        this.bom = bom;
        this.diagnostics = new ArrayList<>(diagnostics);
    }

    MamlDocument build(MamlParser.DocumentContext tree) {
        LineEndings endings = LineEndings.of(text);
        if (endings == LineEndings.MIXED) {
            reportMixedLineEndings();
        }
        FrontMatter frontMatter = tree.frontMatter() == null ? null : frontMatter(tree.frontMatter());
        int bodyStart = bom ? 1 : 0;
        if (frontMatter == null) {
            String lineBreak = endings == LineEndings.CRLF ? "\r\n" : "\n";
            diagnostics.add(Diagnostic.of(RuleId.MAML001, "no YAML front matter: line 1 must be '---'",
                    Range.of(bodyStart, lines.lineEnd(0))).withFix(Fix.of("Insert a front matter skeleton",
                    new TextEdit(Range.empty(bodyStart), FrontMatterSkeleton.text(lineBreak)))));
        } else {
            bodyStart = frontMatter.closed() ? lines.nextLineStart(lines.lineOf(frontMatter.range().end()))
                    : frontMatter.range().end();
        }
        String title = null;
        for (MamlParser.BlockContext block : tree.block()) {
            Heading h = block(block, null);
            if (title == null && h != null && h.level() == 1) {
                title = h.text();
            }
        }
        List<MamlParser.SectionContext> sectionTrees = tree.section();
        int preambleEnd = sectionTrees.isEmpty() ? text.length() : start(sectionTrees.get(0).H2().getSymbol());
        Preamble preamble = new Preamble(Range.of(Math.min(bodyStart, preambleEnd), preambleEnd), title);
        for (int i = 0; i < sectionTrees.size(); i++) {
            int end = i + 1 < sectionTrees.size() ? start(sectionTrees.get(i + 1).H2().getSymbol()) : text.length();
            section(sectionTrees.get(i), end);
        }
        return new MamlDocument(text, lines, bom, endings, frontMatter, preamble, sections, headings, codeBlocks,
                context, schemas, history, diagnostics);
    }

    // ---- front matter ----------------------------------------------------------------------

    private FrontMatter frontMatter(MamlParser.FrontMatterContext fm) {
        Token open = fm.FM_OPEN().getSymbol();
        Range openRange = lineRange(open);
        checkDelimiter(open);
        int contentStart = lines.nextLineStart(lines.lineOf(start(open)));
        Range closeRange = null;
        int contentEnd;
        if (fm.FM_CLOSE() != null) {
            Token close = fm.FM_CLOSE().getSymbol();
            closeRange = lineRange(close);
            checkDelimiter(close);
            contentEnd = start(close);
        } else {
            contentEnd = Math.max(contentStart, end(fm.getStop()));
            String where = contentEnd < text.length()
                    ? "up to the first '## ' heading (line " + lines.displayLine(contentEnd) + ")"
                    : "to the end of the file";
            diagnostics.add(Diagnostic.of(RuleId.MAML002,
                    "front matter is never closed by a '---' line; read as YAML " + where, openRange));
        }
        Range content = Range.of(contentStart, Math.max(contentStart, contentEnd));
        YamlResult yaml = YamlReader.read(text, content);
        diagnostics.addAll(yaml.diagnostics());
        if (yaml.root() != null && !(yaml.root() instanceof YamlMapping)) {
            diagnostics.add(Diagnostic.of(RuleId.MAML004,
                    "front matter must be a YAML mapping of keys to values, not a " + kind(yaml.root()), yaml.root().range()));
        }
        int rangeEnd = closeRange != null ? closeRange.end() : content.end();
        return new FrontMatter(Range.of(start(open), rangeEnd), openRange, content, closeRange,
                text.substring(content.start(), content.end()), yaml.root());
    }

    private static String kind(dev.maml.yaml.YamlNode node) {
        return node instanceof dev.maml.yaml.YamlSequence ? "list" : "single value";
    }

    private void checkDelimiter(Token delimiter) {
        String line = stripCr(delimiter.getText());
        if (line.length() > 3) {
            int from = start(delimiter) + 3;
            Range trailing = Range.of(from, start(delimiter) + line.length());
            diagnostics.add(Diagnostic.of(RuleId.MAML091, "trailing whitespace after the '---' delimiter", trailing)
                    .withFix(Fix.of("Remove the trailing whitespace", new TextEdit(trailing, ""))));
        }
    }

    private void reportMixedLineEndings() {
        int first = text.indexOf('\n');
        boolean firstIsCrlf = first > 0 && text.charAt(first - 1) == '\r';
        for (int i = first; i >= 0; i = text.indexOf('\n', i + 1)) {
            boolean crlf = i > 0 && text.charAt(i - 1) == '\r';
            if (crlf != firstIsCrlf) {
                int line = lines.lineOf(i);
                diagnostics.add(Diagnostic.of(RuleId.MAML092, dev.maml.diagnostic.Severity.WARNING,
                        "mixed line endings: line " + (line + 1) + " ends with " + (crlf ? "CRLF" : "LF")
                                + " but line 1 with " + (firstIsCrlf ? "CRLF" : "LF"),
                        Range.of(lines.lineStart(line), lines.lineEnd(line))));
                return;
            }
        }
    }

    // ---- body ------------------------------------------------------------------------------

    private void section(MamlParser.SectionContext tree, int end) {
        Token h2 = tree.H2().getSymbol();
        Heading heading = heading(h2);
        int bodyStart = Math.min(lines.nextLineStart(lines.lineOf(start(h2))), end);
        Section section = new Section(heading.text(), heading.textRange(), heading.range(),
                Range.of(bodyStart, end), Range.of(start(h2), end));
        sections.add(section);
        int schemasBefore = schemas.size();
        for (MamlParser.BlockContext block : tree.block()) {
            block(block, section);
        }
        if (isSchemaSection(section) && schemas.size() == schemasBefore) {
            bareSchema(section);
        }
    }

    /** Records one block; returns it when it is a heading. */
    private Heading block(MamlParser.BlockContext block, Section section) {
        if (block.fence() != null) {
            fence(block.fence(), section);
            return null;
        }
        ParseTree child = block.getChild(0);
        if (!(child instanceof TerminalNode terminal)) {
            return null;
        }
        Token token = terminal.getSymbol();
        switch (token.getType()) {
            case MamlLexer.HEADING -> {
                return heading(token);
            }
            case MamlLexer.HISTORY_ENTRY, MamlLexer.LIST_ITEM -> {
                if (section != null && section.isNamed("History")) {
                    historyEntry(token);
                }
            }
            case MamlLexer.KEY_VALUE -> {
                if (section != null && section.isNamed("Context")) {
                    contextEntry(token);
                }
            }
            default -> {
                // prose and blank lines carry no structure
            }
        }
        return null;
    }

    private Heading heading(Token token) {
        String line = stripCr(token.getText());
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        int level = 0;
        while (i < line.length() && line.charAt(i) == '#') {
            level++;
            i++;
        }
        String rest = line.substring(i);
        Matcher closing = CLOSING_HASHES.matcher(rest);
        if (closing.find()) {
            rest = rest.substring(0, closing.start());
        }
        int lead = 0;
        while (lead < rest.length() && Character.isWhitespace(rest.charAt(lead))) {
            lead++;
        }
        String name = rest.strip();
        int nameStart = start(token) + i + lead;
        Heading heading = new Heading(level, name, Range.of(start(token), start(token) + line.length()),
                Range.of(nameStart, nameStart + name.length()));
        headings.add(heading);
        return heading;
    }

    private void fence(MamlParser.FenceContext fence, Section section) {
        Token open = fence.FENCE_OPEN().getSymbol();
        String openLine = stripCr(open.getText());
        String trimmed = openLine.stripLeading();
        char fenceChar = trimmed.charAt(0);
        int length = 0;
        while (length < trimmed.length() && trimmed.charAt(length) == fenceChar) {
            length++;
        }
        String info = trimmed.substring(length).strip();
        String language = info.isEmpty() ? "" : info.split("[\\s{]", 2)[0];
        Range openRange = Range.of(start(open), start(open) + openLine.length());
        int contentStart = lines.nextLineStart(lines.lineOf(start(open)));
        Range closeRange = null;
        int contentEnd;
        int rangeEnd;
        if (fence.FENCE_CLOSE() != null) {
            Token close = fence.FENCE_CLOSE().getSymbol();
            closeRange = Range.of(start(close), start(close) + stripCr(close.getText()).length());
            contentEnd = start(close);
            rangeEnd = closeRange.end();
        } else {
            contentEnd = text.length();
            rangeEnd = text.length();
            diagnostics.add(Diagnostic.of(RuleId.MAML040, "code fence opened here is never closed; it runs to the end of the file",
                    openRange));
        }
        Range content = Range.of(Math.min(contentStart, contentEnd), contentEnd);
        CodeBlock block = new CodeBlock(fenceChar, length, info, language, openRange, content, closeRange,
                Range.of(start(open), rangeEnd), section == null ? null : section.name());
        codeBlocks.add(block);
        if (section != null && isSchemaSection(section)) {
            schemas.add(new SchemaBlock(section.name(), text.substring(content.start(), content.end()), content, true,
                    language));
        }
    }

    private void bareSchema(Section section) {
        String body = text.substring(section.body().start(), section.body().end());
        String json = body.strip();
        if (json.isEmpty()) {
            return;
        }
        int from = section.body().start() + body.indexOf(json);
        schemas.add(new SchemaBlock(section.name(), json, Range.of(from, from + json.length()), false, ""));
    }

    private static boolean isSchemaSection(Section section) {
        return section.isNamed("Input_Schema") || section.isNamed("Output_Schema");
    }

    private void historyEntry(Token token) {
        String line = stripCr(token.getText());
        Range range = Range.of(start(token), start(token) + line.length());
        Matcher m = HISTORY.matcher(line);
        if (token.getType() == MamlLexer.HISTORY_ENTRY && m.matches()) {
            history.add(new HistoryEntry(m.group(1), m.group(2), m.group(3).strip(),
                    Range.of(start(token) + m.start(1), start(token) + m.end(1)),
                    Range.of(start(token) + m.start(2), start(token) + m.end(2)), range));
        } else {
            history.add(new HistoryEntry(null, null, line.strip(), null, null, range));
        }
    }

    private void contextEntry(Token token) {
        String line = stripCr(token.getText());
        int colon = line.indexOf(':');
        String key = line.substring(0, colon);
        String rest = line.substring(colon + 1);
        int comment = commentStart(rest);
        String valuePart = comment < 0 ? rest : rest.substring(0, comment);
        String value = valuePart.strip();
        int valueStart = start(token) + colon + 1 + (value.isEmpty() ? 0 : valuePart.indexOf(value));
        context.add(new ContextEntry(key, value, Range.of(start(token), start(token) + colon),
                Range.of(valueStart, valueStart + value.length()), Range.of(start(token), start(token) + line.length())));
    }

    /** A comment starts at a '#' that follows whitespace, as in YAML. */
    private static int commentStart(String value) {
        for (int i = 1; i < value.length(); i++) {
            if (value.charAt(i) == '#' && Character.isWhitespace(value.charAt(i - 1))) {
                return i;
            }
        }
        return value.startsWith("#") ? 0 : -1;
    }

    // ---- helpers ---------------------------------------------------------------------------

    private Range lineRange(Token token) {
        return Range.of(start(token), start(token) + stripCr(token.getText()).length());
    }

    private static int start(Token token) {
        return token.getStartIndex();
    }

    private int end(Token token) {
        return token.getType() == Token.EOF ? text.length() : token.getStopIndex() + 1;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
