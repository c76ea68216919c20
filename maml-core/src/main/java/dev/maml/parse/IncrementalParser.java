package dev.maml.parse;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.model.CodeBlock;
import dev.maml.model.ContextEntry;
import dev.maml.model.FrontMatter;
import dev.maml.model.Heading;
import dev.maml.model.HistoryEntry;
import dev.maml.model.LineEndings;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.model.SchemaBlock;
import dev.maml.model.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Parses an edited document again from the parse of its previous text, reading only the part the
 * edit can have changed: from the start of the section holding the edit (or from the top, when the
 * edit is in the front matter or preamble) up to the first old section heading after the edit that
 * the new text still reads as a section heading. A top-level "## " line closes every open block, so
 * from there on the old parse holds, shifted by the edit's length. The result equals
 * {@link DocumentParser#parse(String)} of the new text (IncrementalParseEquivalenceTest); where that
 * cannot be had this cheaply (a CR, a BOM, an unclosed front matter a later "---" could close, a
 * document near the size budget, an edit that breaks the section heading it starts in, line numbers
 * in old findings after the edit) the whole text is parsed.
 */
public final class IncrementalParser {

    private IncrementalParser() {
    }

    /**
     * The parse of {@code newText}, which is {@code old}'s text with {@code [start, oldEnd)} replaced
     * by {@code newText[start, newEnd)}.
     */
    public static MamlDocument reparse(MamlDocument old, String newText, int start, int oldEnd, int newEnd) {
        return reparse(old, newText, start, oldEnd, newEnd, null);
    }

    /** As above, with the new text's line index when the caller has it already (null: made here). */
    public static MamlDocument reparse(MamlDocument old, String newText, int start, int oldEnd, int newEnd,
                                       LineIndex newLines) {
        MamlDocument incremental = splice(old, newText, start, oldEnd, newEnd, newLines);
        return incremental != null ? incremental : DocumentParser.parse(newText);
    }

    /** The incremental parse, or null where only a whole parse gives the right result. */
    static MamlDocument splice(MamlDocument old, String newText, int start, int oldEnd, int newEnd) {
        return splice(old, newText, start, oldEnd, newEnd, null);
    }

    private static MamlDocument splice(MamlDocument old, String newText, int start, int oldEnd, int newEnd,
                                       LineIndex newLines) {
        return spliceable(old, newText, start) ? readAgain(old, newText, start, oldEnd, newEnd, newLines) : null;
    }

    private static boolean spliceable(MamlDocument old, String newText, int start) {
        if (old.bom() || newText.startsWith("\uFEFF") || !old.lines().lfOnly()) {
            return false;
        }
        for (Diagnostic d : old.diagnostics()) {
            if (d.rule() == RuleId.MAML090 || d.rule() == RuleId.MAML092 || d.rule() == RuleId.MAML093) {
                return false;
            }
        }
        int elements = old.sections().size() + old.headings().size() + old.codeBlocks().size()
                + old.context().size() + old.history().size();
        FrontMatter fm = old.frontMatter();
        // an unclosed front matter is closed by any later "---" line, which an edit below may add
        boolean fmSettled = fm == null || fm.closed() || regionStart(old, start) == 0;
        return elements < TreeBuilder.MAX_ELEMENTS / 4 && fmSettled;
    }

    /** Where reading starts: the last section that starts before the edit, else the top. */
    private static int regionStart(MamlDocument old, int start) {
        int from = 0;
        for (Section s : old.sections()) {
            if (s.range().start() >= start) {
                break;
            }
            from = s.range().start();
        }
        return from;
    }

    private static MamlDocument readAgain(MamlDocument old, String newText, int start, int oldEnd, int newEnd,
                                          LineIndex newLines) {
        int delta = newEnd - oldEnd;
        int from = regionStart(old, start);
        int[] syncPoints = old.sections().stream().mapToInt(s -> s.range().start())
                .filter(p -> p >= oldEnd).map(p -> p + delta).toArray();
        LineIndex lines = newLines != null ? newLines : old.lines().edited(newText, start, oldEnd, newEnd);
        if (!lines.lfOnly()) {
            return null; // the edit brought a CR
        }
        List<Diagnostic> errors = new ArrayList<>();
        TreeBuilder builder = new TreeBuilder(newText, lines, false, errors);
        SyncingTokens[] stopped = new SyncingTokens[1];
        DocumentParser.read(newText, from, false, builder, tokens -> stopped[0] = new SyncingTokens(newText, tokens, syncPoints),
                errors);
        int syncNew = stopped[0].syncedAt;
        ParseParts region = builder.parts(syncNew < 0 ? newText.length() : syncNew);
        if (!errors.isEmpty() || region.truncated()
                || from > 0 && (region.sections().isEmpty() || region.sections().get(0).range().start() != from)) {
            return null;
        }
        int syncOld = syncNew < 0 ? Integer.MAX_VALUE : syncNew - delta;
        Shift tail = new Shift(syncOld, delta);
        // the parser's findings in the order a whole parse makes them: front matter ones first, then
        // the unclosed fences in document order (MAML001 is made again by assemble)
        List<Diagnostic> head = new ArrayList<>();
        List<Diagnostic> body = new ArrayList<>();
        List<Diagnostic> after = new ArrayList<>();
        for (Diagnostic d : old.diagnostics()) {
            if (d.rule() != RuleId.MAML040) {
                if (d.rule() != RuleId.MAML001) {
                    head.add(d);
                }
            } else if (d.range().start() < from) {
                body.add(d);
            } else if (d.range().start() >= syncOld) {
                if (lines.lineCount() != old.lines().lineCount()) {
                    return null; // its message may name a line, which moved
                }
                after.add(new Diagnostic(d.rule(), d.severity(), d.message(), tail.range(d.range()), d.fix()));
            }
        }
        body.addAll(region.bodyDiagnostics());
        body.addAll(after);
        boolean top = from == 0;
        ParseParts parts = new ParseParts(
                top ? region.frontMatter() : old.frontMatter(),
                top ? region.title() : old.preamble().title(),
                top ? region.frontMatterDiagnostics() : head,
                body,
                join(old.sections(), region.sections(), from, tail, s -> s.range().start(), tail::section),
                join(old.headings(), region.headings(), from, tail, h -> h.range().start(), tail::heading),
                join(old.codeBlocks(), region.codeBlocks(), from, tail, c -> c.range().start(), tail::codeBlock),
                join(old.context(), region.context(), from, tail, c -> c.range().start(), tail::context),
                join(old.schemas(), region.schemas(), from, tail, s -> s.range().start(), tail::schema),
                join(old.history(), region.history(), from, tail, h -> h.range().start(), tail::history),
                false);
        LineEndings endings = lines.lineCount() > 1 ? LineEndings.LF : LineEndings.NONE;
        return TreeBuilder.assemble(newText, lines, false, endings, List.of(), parts, lintMarker(old, newText, start, newEnd));
    }

    /**
     * Whether the new text has the lint marker: a marker not in the old text must overlap what the
     * edit inserted or the place where it joined the text, so only there is looked at, unless the old
     * text had one (then it may have been deleted, and the whole text is looked at).
     */
    private static boolean lintMarker(MamlDocument old, String newText, int start, int newEnd) {
        if (old.lintMarker()) {
            return newText.contains(MamlDocument.LINT_MARKER);
        }
        int reach = MamlDocument.LINT_MARKER.length() - 1;
        return newText.substring(Math.max(0, start - reach), Math.min(newText.length(), newEnd + reach))
                .contains(MamlDocument.LINT_MARKER);
    }

    /** The old elements before the region, the region's, and the old ones after it, shifted. */
    private static <T> List<T> join(List<T> old, List<T> region, int from, Shift tail, ToIntFunction<T> startOf,
                                    Function<T, T> shift) {
        List<T> out = new ArrayList<>(old.size() + region.size());
        for (T t : old) {
            if (startOf.applyAsInt(t) < from) {
                out.add(t);
            }
        }
        out.addAll(region);
        for (T t : old) {
            if (startOf.applyAsInt(t) >= tail.from) {
                out.add(shift.apply(t));
            }
        }
        return out;
    }

    /** Moves what starts at or after {@code from} in the old text by {@code delta}. */
    private record Shift(int from, int delta) {
        Range range(Range r) {
            return r == null ? null : Range.of(r.start() + delta, r.end() + delta);
        }

        Section section(Section s) {
            return new Section(s.name(), range(s.nameRange()), range(s.heading()), range(s.body()), range(s.range()));
        }

        Heading heading(Heading h) {
            return new Heading(h.level(), h.text(), range(h.range()), range(h.textRange()));
        }

        CodeBlock codeBlock(CodeBlock c) {
            return new CodeBlock(c.fenceChar(), c.fenceLength(), c.info(), c.language(), range(c.open()),
                    range(c.content()), range(c.close()), range(c.range()), c.section(), c.shiftedCode());
        }

        ContextEntry context(ContextEntry c) {
            return new ContextEntry(c.key(), c.value(), range(c.keyRange()), range(c.valueRange()), range(c.range()));
        }

        SchemaBlock schema(SchemaBlock s) {
            return new SchemaBlock(s.section(), s.json(), range(s.range()), s.fenced(), s.language());
        }

        HistoryEntry history(HistoryEntry h) {
            return new HistoryEntry(h.timestamp(), h.verb(), h.text(), range(h.timestampRange()),
                    range(h.verbRange()), range(h.range()));
        }
    }

    /**
     * The tokens, ending at the first section heading that starts where an old one after the edit
     * started (shifted): from there on the old parse holds.
     */
    private static final class SyncingTokens implements LineTokens {
        private final String text;
        private final LineTokens tokens;
        private final int[] syncPoints;
        private int syncedAt = -1;

        SyncingTokens(String text, LineTokens tokens, int[] syncPoints) {
            this.text = text;
            this.tokens = tokens;
            this.syncPoints = syncPoints;
        }

        @Override
        public LineToken next() {
            if (syncedAt < 0) {
                LineToken t = tokens.next();
                if (t.type() != LineType.H2 || Arrays.binarySearch(syncPoints, t.start()) < 0) {
                    return t;
                }
                syncedAt = t.start();
            }
            return new LineToken(text, LineType.EOF, syncedAt, syncedAt);
        }
    }
}
