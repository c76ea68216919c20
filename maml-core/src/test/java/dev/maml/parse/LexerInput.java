package dev.maml.parse;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The document text as the ANTLR lexer generated from grammar/MamlLexer.g4 reads it: the oracle
 * {@link LineLexerOracleProperties} checks {@link LineLexer} against. Indices are UTF-16 offsets, so token positions are the
 * model's offsets. ANTLR's lexer DFA caches transitions only for characters up to 127 and simulates
 * its ATN afresh for every other one; no rule of the grammar tells non-ASCII characters apart (they
 * only ever match negated sets), so the lexer sees each of them as DEL (0x7F) and stays on cached
 * transitions. The BOM is the exception the grammar names, so it is passed through. Token text is
 * always taken from the real text.
 */
final class LexerInput implements CharStream {

    private static final int FOLDED = 0x7F;

    private final String text;
    private int index;

    LexerInput(String text) {
        this(text, 0);
    }

    /** Reading from {@code from}: token offsets stay offsets into the whole text. */
    LexerInput(String text, int from) {
        this.text = text;
        this.index = from;
    }

    @Override
    public int LA(int i) {
        int at = i > 0 ? index + i - 1 : index + i;
        if (i == 0 || at < 0 || at >= text.length()) {
            return i == 0 ? 0 : IntStream.EOF;
        }
        char c = text.charAt(at);
        return c < 128 || c == '\uFEFF' ? c : FOLDED;
    }

    @Override
    public void consume() {
        if (index >= text.length()) {
            throw new IllegalStateException("cannot consume EOF");
        }
        index++;
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
        // the whole text is in memory; nothing to release
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public void seek(int newIndex) {
        index = Math.max(0, Math.min(newIndex, text.length()));
    }

    @Override
    public int size() {
        return text.length();
    }

    @Override
    public String getSourceName() {
        return IntStream.UNKNOWN_SOURCE_NAME;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(0, interval.a);
        int stop = Math.min(interval.b, text.length() - 1);
        return start > stop ? "" : text.substring(start, stop + 1);
    }
}
