package dev.maml.parse;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.model.Range;
import java.util.List;

/**
 * The structure parser of grammar/MamlParser.g4, written out by hand (the grammar is LL(1)):
 * <pre>
 * document    : BOM? frontMatter? block* section* EOF ;
 * frontMatter : FM_OPEN (YAML_LINE | FM_NEWLINE)* FM_CLOSE? ;
 * section     : H2 block* ;
 * block       : fence | HEADING | HISTORY_ENTRY | LIST_ITEM | KEY_VALUE | TEXT | NEWLINE ;
 * fence       : FENCE_OPEN (CODE_LINE | CODE_NEWLINE)* FENCE_CLOSE? ;
 * </pre>
 * It keeps no tokens: each goes to the {@link Listener} as it is matched, and the end of a front
 * matter or a fence is announced with its last token, the events an ANTLR parse listener would get
 * ({@code LineLexerOracleProperties} compares them). The lexer never makes a sequence the grammar refuses;
 * a token out of place would be a defect, so it is reported where it stands and skipped.
 */
final class StructureReader {

    /** What the parser reports, in document order. */
    interface Listener {
        /** A token, in order; the last one is EOF. */
        void token(LineToken token);

        /** The front matter ends with {@code last}, its last token. */
        void frontMatterEnd(LineToken last);

        /** A fenced code block ends with {@code last}, its last token. */
        void fenceEnd(LineToken last);
    }

    private final LineTokens tokens;
    private final Listener listener;
    private final List<Diagnostic> diagnostics;
    private LineToken next;

    StructureReader(LineTokens tokens, Listener listener, List<Diagnostic> diagnostics) {
        this.tokens = tokens;
        this.listener = listener;
        this.diagnostics = diagnostics;
    }

    void document() {
        next = tokens.next();
        if (next.type() == LineType.BOM) {
            match();
        }
        if (next.type() == LineType.FM_OPEN) {
            frontMatter();
        }
        while (next.type() != LineType.EOF) {
            switch (next.type()) {
                case FENCE_OPEN -> fence();
                case H2, HEADING, HISTORY_ENTRY, LIST_ITEM, KEY_VALUE, TEXT, NEWLINE -> match();
                default -> {
                    diagnostics.add(Diagnostic.of(RuleId.MAML090, "structure could not be read here (a parser defect;"
                            + " please report it): unexpected " + next.type(), Range.empty(next.start())));
                    next = tokens.next();
                }
            }
        }
        match();
    }

    private void frontMatter() {
        LineToken last = match();
        while (next.type() == LineType.YAML_LINE || next.type() == LineType.FM_NEWLINE) {
            last = match();
        }
        if (next.type() == LineType.FM_CLOSE) {
            last = match();
        }
        listener.frontMatterEnd(last);
    }

    private void fence() {
        LineToken last = match();
        while (next.type() == LineType.CODE_LINE || next.type() == LineType.CODE_NEWLINE) {
            last = match();
        }
        if (next.type() == LineType.FENCE_CLOSE) {
            last = match();
        }
        listener.fenceEnd(last);
    }

    /** Takes the current token: the next one is read first, then this one is reported (as ANTLR does). */
    private LineToken match() {
        LineToken token = next;
        if (token.type() != LineType.EOF) {
            next = tokens.next();
        }
        listener.token(token);
        return token;
    }
}
