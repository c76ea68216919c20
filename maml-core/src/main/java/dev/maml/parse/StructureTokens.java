package dev.maml.parse;

import dev.maml.parse.grammar.MamlLexer;
import dev.maml.parse.markdown.BlockScanner;
import dev.maml.parse.markdown.LineKind;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.WritableToken;

/**
 * The lexer's tokens with the body's structure decided as CommonMark reads it: every body line is
 * passed through {@link BlockScanner}, which says whether it opens, continues or closes a fenced
 * code block or is a top-level ATX heading; the token is given that type, and a line break inside
 * a fence becomes CODE_NEWLINE. Front matter tokens pass through as the lexer made them.
 */
final class StructureTokens implements TokenSource {

    private final MamlLexer lexer;
    private final BlockScanner blocks = new BlockScanner();
    /** Whether the current line already had its token (a line break then ends it rather than being an empty line). */
    private boolean lineSeen;

    StructureTokens(MamlLexer lexer) {
        this.lexer = lexer;
    }

    @Override
    public Token nextToken() {
        Token token = lexer.nextToken();
        switch (token.getType()) {
            case MamlLexer.FM_OPEN, MamlLexer.YAML_LINE, MamlLexer.FM_CLOSE -> lineSeen = true;
            case MamlLexer.FM_NEWLINE -> lineSeen = false;
            case MamlLexer.NEWLINE -> {
                if (!lineSeen) {
                    blocks.line("");
                }
                lineSeen = false;
                if (blocks.inFence()) {
                    ((WritableToken) token).setType(MamlLexer.CODE_NEWLINE);
                }
            }
            case MamlLexer.BOM, Token.EOF -> {
                // neither is a line of the body
            }
            default -> {
                lineSeen = true;
                LineKind kind = blocks.line(TokenLines.text(token));
                retype((WritableToken) token, kind);
                if (kind == LineKind.FENCE_CONTENT && (blocks.codeStart() > 0 || blocks.codePadding() > 0)) {
                    return new CodeLineToken(token, blocks.codeStart(), blocks.codePadding());
                }
            }
        }
        return token;
    }

    private static void retype(WritableToken token, LineKind kind) {
        switch (kind) {
            case FENCE_OPEN -> token.setType(MamlLexer.FENCE_OPEN);
            case FENCE_CLOSE -> token.setType(MamlLexer.FENCE_CLOSE);
            case FENCE_CONTENT -> token.setType(MamlLexer.CODE_LINE);
            case SECTION_HEADING -> token.setType(MamlLexer.H2);
            case HEADING -> token.setType(MamlLexer.HEADING);
            case OTHER -> {
                // prose, list items, Context and History lines: the lexer's own type
            }
        }
    }

    @Override
    public int getLine() {
        return lexer.getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return lexer.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return lexer.getInputStream();
    }

    @Override
    public String getSourceName() {
        return lexer.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        lexer.setTokenFactory(factory);
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return lexer.getTokenFactory();
    }
}
