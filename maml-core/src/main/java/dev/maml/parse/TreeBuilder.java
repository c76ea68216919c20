package dev.maml.parse;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
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
import dev.maml.vocabulary.SectionWord;
import dev.maml.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds the immutable {@link MamlDocument} model from the parser's events while it parses, so that
 * neither the tokens nor a parse tree are ever kept: memory grows with the model, not the text.
 * The model itself is bounded by {@link #MAX_ELEMENTS}; past it the rest of the text is read as
 * plain text of the last section, and one MAML090 error says so.
 */
final class TreeBuilder implements StructureReader.Listener {

    /**
     * Sections, headings, code blocks, History and Context entries together: one every 21 bytes of
     * a 10 MB document. A real document has hundreds, a 10 MB one of Content, fences and History
     * about 200,000; a 10 MB file of "## x" lines would have two million, more than a 512 MB heap
     * holds while it is linted (500,000 sections take about 130 MB).
     */
    static final int MAX_ELEMENTS = 500_000;

    private static final Pattern HISTORY = Pattern.compile(
            "[ ]{0,3}-[ \\t]+(\\d{4}-\\d{2}-\\d{2}(?:[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:[Zz]|[+-]\\d{2}(?::?\\d{2})?)?)?)"
                    + ":[ \\t]*\\[([A-Za-z_]+)\\][ \\t]*(.*)");
    /** The names of the schema sections, looked up once rather than for every section and fence. */
    private static final Set<String> SCHEMA_SECTIONS = Vocabulary.sections().stream().map(SectionWord::name)
            .filter(name -> Vocabulary.section(name).filter(s -> s.schema() && s.name().equals(name)).isPresent())
            .collect(Collectors.toUnmodifiableSet());

    private final String text;
    private final LineIndex lines;
    private final boolean bom;
    private final List<Diagnostic> parserDiagnostics;
    private final List<Diagnostic> frontMatterDiagnostics = new ArrayList<>();
    private final List<Diagnostic> bodyDiagnostics = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<Heading> headings = new ArrayList<>();
    private final List<CodeBlock> codeBlocks = new ArrayList<>();
    private final List<ContextEntry> context = new ArrayList<>();
    private final List<SchemaBlock> schemas = new ArrayList<>();
    private final List<HistoryEntry> history = new ArrayList<>();

    private FrontMatter frontMatter;
    private LineToken frontMatterOpen;
    private LineToken frontMatterClose;
    private String title;
    private Heading sectionHeading;
    private int schemasBefore;
    private LineToken fenceOpen;
    private LineToken fenceClose;
    /** The open fence's code so far, once a line of it had markers to remove; null while none had. */
    private StringBuilder shiftedCode;
    private int elements;
    private boolean truncated;

    /** @param parserDiagnostics the caller's findings so far; the parser's error listener may add to it */
    TreeBuilder(String text, boolean bom, List<Diagnostic> parserDiagnostics) {
        this(text, new LineIndex(text), bom, parserDiagnostics);
    }

    /** @param lines the index of {@code text} (an incremental parse has it already) */
    TreeBuilder(String text, LineIndex lines, boolean bom, List<Diagnostic> parserDiagnostics) {
        this.text = text;
        this.lines = lines;
        this.bom = bom;
        this.parserDiagnostics = parserDiagnostics;
    }

    /** Completes the model once the parser has returned. */
    MamlDocument build() {
        // a text without a CR has LF endings or none: only one with a CR is scanned for them
        LineEndings endings = lines.lfOnly() ? lines.lineCount() > 1 ? LineEndings.LF : LineEndings.NONE : LineEndings.of(text);
        return assemble(text, lines, bom, endings, parserDiagnostics, parts(text.length()),
                text.contains(MamlDocument.LINT_MARKER));
    }

    /**
     * What was read of a stretch that ends at {@code end} (the parse of a region stopped there, see
     * {@link IncrementalParser}): the open section is closed at {@code end}.
     */
    ParseParts parts(int end) {
        closeSection(end);
        return new ParseParts(frontMatter, title, frontMatterDiagnostics, bodyDiagnostics, sections, headings,
                codeBlocks, context, schemas, history, truncated);
    }

    /** The document from its parts; the document-wide findings (line endings, no front matter) are made here. */
    static MamlDocument assemble(String text, LineIndex lines, boolean bom, LineEndings endings,
                                 List<Diagnostic> parserDiagnostics, ParseParts parts, boolean lintMarker) {
        List<Diagnostic> diagnostics = new ArrayList<>(parserDiagnostics);
        if (endings == LineEndings.MIXED) {
            reportMixedLineEndings(text, lines, diagnostics);
        }
        LoneCarriageReturns.find(text, lines, endings).ifPresent(diagnostics::add);
        diagnostics.addAll(parts.frontMatterDiagnostics());
        int bodyStart = bom ? 1 : 0;
        FrontMatter frontMatter = parts.frontMatter();
        if (frontMatter == null) {
            String lineBreak = endings == LineEndings.CRLF ? "\r\n" : "\n";
            diagnostics.add(Diagnostic.of(RuleId.MAML001, "no YAML front matter: line 1 must be '---'",
                    Range.of(bodyStart, lines.lineEnd(0))).withFix(Fix.of("Insert a front matter skeleton",
                    new TextEdit(Range.empty(bodyStart), FrontMatterSkeleton.text(lineBreak)))));
        } else {
            bodyStart = frontMatter.closed() ? lines.nextLineStart(lines.lineOf(frontMatter.range().end()))
                    : frontMatter.range().end();
        }
        diagnostics.addAll(parts.bodyDiagnostics());
        List<Section> sections = parts.sections();
        int preambleEnd = sections.isEmpty() ? text.length() : sections.get(0).range().start();
        Preamble preamble = new Preamble(Range.of(Math.min(bodyStart, preambleEnd), preambleEnd), parts.title());
        return new MamlDocument(text, lines, bom, endings, frontMatter, preamble, sections, parts.headings(),
                parts.codeBlocks(), parts.context(), parts.schemas(), parts.history(), diagnostics, lintMarker);
    }

    // ---- parser events ---------------------------------------------------------------------

    @Override
    public void token(LineToken token) {
        if (truncated) {
            return;
        }
        switch (token.type()) {
            case FM_OPEN -> frontMatterOpen = token;
            case FM_CLOSE -> frontMatterClose = token;
            case H2 -> openSection(token);
            case FENCE_OPEN -> {
                fenceOpen = token;
                shiftedCode = null;
            }
            case CODE_LINE -> codeLine(token);
            case CODE_NEWLINE -> {
                if (shiftedCode != null) {
                    shiftedCode.append('\n');
                }
            }
            case FENCE_CLOSE -> fenceClose = token;
            case HEADING -> heading(token);
            case HISTORY_ENTRY, LIST_ITEM -> {
                if (inSection("History") && withinBudget(token)) {
                    historyEntry(token);
                }
            }
            case KEY_VALUE -> {
                if (inSection("Context") && withinBudget(token)) {
                    contextEntry(token);
                }
            }
            default -> {
                // prose, blank lines, the BOM and code lines carry no structure of their own
            }
        }
    }

    @Override
    public void frontMatterEnd(LineToken last) {
        frontMatter = new FrontMatterBuilder(text, lines, frontMatterDiagnostics)
                .build(frontMatterOpen, frontMatterClose, last);
    }

    @Override
    public void fenceEnd(LineToken last) {
        if (fenceOpen != null) {
            if (!truncated && withinBudget(fenceOpen)) {
                fence(fenceOpen, fenceClose, last);
            }
            fenceOpen = null;
            fenceClose = null;
            shiftedCode = null;
        }
    }

    // ---- the model budget ------------------------------------------------------------------

    /** Counts one more element; past the budget, reports it once and stops recording structure. */
    private boolean withinBudget(LineToken token) {
        if (elements < MAX_ELEMENTS) {
            elements++;
            return true;
        }
        truncated = true;
        bodyDiagnostics.add(Diagnostic.of(RuleId.MAML090, Severity.ERROR,
                "document too large to analyse fully: more than " + MAX_ELEMENTS
                        + " sections, headings, code blocks, History and Context entries; from line "
                        + lines.displayLine(token.start()) + " on it is read as plain text", token.range()));
        return false;
    }

    // ---- body ------------------------------------------------------------------------------

    private boolean inSection(String name) {
        return sectionHeading != null && sectionHeading.text().equals(name);
    }

    private void openSection(LineToken h2) {
        if (!withinBudget(h2)) {
            return;
        }
        closeSection(h2.start());
        sectionHeading = heading(h2);
        schemasBefore = schemas.size();
    }

    /** The open section ends where the next one starts, or at the end of the text. */
    private void closeSection(int end) {
        if (sectionHeading == null) {
            return;
        }
        Range headingRange = sectionHeading.range();
        int bodyStart = Math.min(lines.nextLineStart(lines.lineOf(headingRange.start())), end);
        Section section = new Section(sectionHeading.text(), sectionHeading.textRange(), headingRange,
                Range.of(bodyStart, end), Range.of(headingRange.start(), end));
        sections.add(section);
        if (isSchemaSection(section.name()) && schemas.size() == schemasBefore) {
            bareSchema(section);
        }
        sectionHeading = null;
    }

    /** Records a heading; an H2 is counted by {@link #openSection}, any other one here. */
    private Heading heading(LineToken token) {
        if (token.type() != LineType.H2 && !withinBudget(token)) {
            return null;
        }
        String line = token.content();
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
        int closing = closingSequence(rest);
        if (closing >= 0) {
            rest = rest.substring(0, closing);
        }
        int lead = 0;
        while (lead < rest.length() && Character.isWhitespace(rest.charAt(lead))) {
            lead++;
        }
        String name = rest.strip();
        int start = token.start();
        int nameStart = start + i + lead;
        Heading heading = new Heading(level, name, Range.of(start, start + line.length()),
                Range.of(nameStart, nameStart + name.length()));
        headings.add(heading);
        if (sectionHeading == null && level == 1 && title == null && token.type() == LineType.HEADING) {
            title = name;
        }
        return heading;
    }

    /**
     * Where the closing sequence of an ATX heading starts in the text after its opening hashes: at
     * the spaces or tabs before a final run of '#' (spaces or tabs may follow it), or at 0 when the
     * text is only that run; -1 when there is none. That is where {@code (?:^|[ \t]+)#+[ \t]*$}
     * first matches, its '$' included, which also matches before one final line terminator (a lone
     * CR, U+0085, U+2028 or U+2029).
     */
    static int closingSequence(String rest) {
        int end = rest.length();
        if (end > 0 && "\r\u0085\u2028\u2029".indexOf(rest.charAt(end - 1)) >= 0) {
            end--;
        }
        int hashesEnd = end;
        while (hashesEnd > 0 && spaceOrTab(rest.charAt(hashesEnd - 1))) {
            hashesEnd--;
        }
        int hashes = hashesEnd;
        while (hashes > 0 && rest.charAt(hashes - 1) == '#') {
            hashes--;
        }
        if (hashes == hashesEnd || hashes > 0 && !spaceOrTab(rest.charAt(hashes - 1))) {
            return -1;
        }
        int start = hashes;
        while (start > 0 && spaceOrTab(rest.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    private static boolean spaceOrTab(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * A fence is closed by its closing line, or, unclosed, ends with its last line: at the end of the
     * file, or where the list item or block quote holding it ends (CommonMark).
     */
    private void fence(LineToken open, LineToken close, LineToken last) {
        String openLine = open.content();
        // a list marker or ">" may come first; no container marker has a ` or ~
        String trimmed = openLine.substring(fenceStart(openLine));
        char fenceChar = trimmed.charAt(0);
        int length = 0;
        while (length < trimmed.length() && trimmed.charAt(length) == fenceChar) {
            length++;
        }
        String info = trimmed.substring(length).strip();
        String language = info.substring(0, languageEnd(info));
        Range openRange = open.range();
        int contentStart = contentStart(open);
        Range closeRange = null;
        int contentEnd;
        int rangeEnd;
        if (close != null) {
            closeRange = close.range();
            contentEnd = close.start();
            rangeEnd = closeRange.end();
        } else {
            contentEnd = Math.max(last.end(), open.range().end());
            rangeEnd = contentEnd;
            bodyDiagnostics.add(Diagnostic.of(RuleId.MAML040, contentEnd == text.length()
                    ? "code fence opened here is never closed; it runs to the end of the file"
                    : "code fence opened here is never closed; it ends on line " + lines.displayLine(contentEnd - 1)
                            + ", with the list item or block quote that holds it", openRange));
        }
        Range content = Range.of(Math.min(contentStart, contentEnd), contentEnd);
        String sectionName = sectionHeading == null ? null : sectionHeading.text();
        codeBlocks.add(new CodeBlock(fenceChar, length, info, language, openRange, content, closeRange,
                Range.of(open.start(), rangeEnd), sectionName, shiftedCode == null ? null : shiftedCode.toString()));
        if (sectionName != null && isSchemaSection(sectionName)) {
            schemas.add(new SchemaBlock(sectionName, text.substring(content.start(), content.end()), content, true,
                    language));
        }
    }

    /** The info string's first word ends at whitespace or '{' (attributes), as the regex [\s{] found it. */
    private static int languageEnd(String info) {
        for (int i = 0; i < info.length(); i++) {
            if (" \t\n\u000B\f\r{".indexOf(info.charAt(i)) >= 0) {
                return i;
            }
        }
        return info.length();
    }

    private static int fenceStart(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '`' || line.charAt(i) == '~') {
                return i;
            }
        }
        throw new IllegalStateException("a FENCE_OPEN line without a fence: " + line);
    }

    private void codeLine(LineToken token) {
        if (token instanceof CodeLineToken line) {
            if (shiftedCode == null) {
                shiftedCode = new StringBuilder(text.substring(contentStart(fenceOpen), token.start()));
            }
            shiftedCode.append(line.code());
        } else if (shiftedCode != null) {
            shiftedCode.append(token.text());
        }
    }

    private int contentStart(LineToken open) {
        return lines.nextLineStart(lines.lineOf(open.start()));
    }

    /**
     * A schema written without a fence: the section's body without the whitespace and HTML comments
     * around it (a lint directive next to the JSON is a comment, not part of the schema).
     */
    private void bareSchema(Section section) {
        int from = HtmlComments.skipLeading(text, section.body().start(), section.body().end());
        int to = HtmlComments.skipTrailing(text, from, section.body().end());
        if (from == to) {
            return;
        }
        schemas.add(new SchemaBlock(section.name(), text.substring(from, to), Range.of(from, to), false, ""));
    }

    /** Exact names only: the parser reads sections as written; folding forms is the rules' business. */
    private static boolean isSchemaSection(String name) {
        return SCHEMA_SECTIONS.contains(name);
    }

    private void historyEntry(LineToken token) {
        String line = token.content();
        int start = token.start();
        Range range = Range.of(start, start + line.length());
        Matcher m = HISTORY.matcher(line);
        if (token.type() == LineType.HISTORY_ENTRY && m.matches()) {
            history.add(new HistoryEntry(m.group(1), m.group(2), m.group(3).strip(),
                    Range.of(start + m.start(1), start + m.end(1)),
                    Range.of(start + m.start(2), start + m.end(2)), range));
        } else {
            history.add(new HistoryEntry(null, null, line.strip(), null, null, range));
        }
    }

    private void contextEntry(LineToken token) {
        String line = token.content();
        int start = token.start();
        int colon = line.indexOf(':');
        String key = line.substring(0, colon);
        String rest = line.substring(colon + 1);
        int comment = commentStart(rest);
        String valuePart = comment < 0 ? rest : rest.substring(0, comment);
        String value = valuePart.strip();
        int valueStart = start + colon + 1 + (value.isEmpty() ? 0 : valuePart.indexOf(value));
        context.add(new ContextEntry(key, value, Range.of(start, start + colon),
                Range.of(valueStart, valueStart + value.length()), Range.of(start, start + line.length())));
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

    private static void reportMixedLineEndings(String text, LineIndex lines, List<Diagnostic> diagnostics) {
        int first = text.indexOf('\n');
        boolean firstIsCrlf = first > 0 && text.charAt(first - 1) == '\r';
        for (int i = first; i >= 0; i = text.indexOf('\n', i + 1)) {
            boolean crlf = i > 0 && text.charAt(i - 1) == '\r';
            if (crlf != firstIsCrlf) {
                int line = lines.lineOf(i);
                diagnostics.add(Diagnostic.of(RuleId.MAML092, Severity.WARNING,
                        "mixed line endings: line " + (line + 1) + " ends with " + (crlf ? "CRLF" : "LF")
                                + " but line 1 with " + (firstIsCrlf ? "CRLF" : "LF"),
                        Range.of(lines.lineStart(line), lines.lineEnd(line))));
                return;
            }
        }
    }
}
