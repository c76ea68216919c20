package dev.maml.parse;

import dev.maml.parse.markdown.BlockScanner;
import dev.maml.parse.markdown.LineKind;

/**
 * The lexer's tokens with the body's structure decided as CommonMark reads it: every body line is
 * passed through {@link BlockScanner}, which says whether it opens, continues or closes a fenced
 * code block or is a top-level ATX heading; the token is given that type, and a line break inside
 * a fence becomes CODE_NEWLINE. Front matter tokens pass through as the lexer made them.
 */
final class StructureTokens implements LineTokens {

    private final LineTokens lexer;
    private final BlockScanner blocks = new BlockScanner();
    /** Whether the current line already had its token (a line break then ends it rather than being an empty line). */
    private boolean lineSeen;

    StructureTokens(LineTokens lexer) {
        this.lexer = lexer;
    }

    @Override
    public LineToken next() {
        LineToken token = lexer.next();
        switch (token.type()) {
            case FM_OPEN, YAML_LINE, FM_CLOSE -> lineSeen = true;
            case FM_NEWLINE -> lineSeen = false;
            case NEWLINE -> {
                if (!lineSeen) {
                    blocks.line("");
                }
                lineSeen = false;
                if (blocks.inFence()) {
                    token.retype(LineType.CODE_NEWLINE);
                }
            }
            case BOM, EOF -> {
                // neither is a line of the body
            }
            default -> {
                lineSeen = true;
                LineKind kind = blocks.line(token.content());
                retype(token, kind);
                if (kind == LineKind.FENCE_CONTENT && (blocks.codeStart() > 0 || blocks.codePadding() > 0)) {
                    return new CodeLineToken(token, blocks.codeStart(), blocks.codePadding());
                }
            }
        }
        return token;
    }

    private static void retype(LineToken token, LineKind kind) {
        switch (kind) {
            case FENCE_OPEN -> token.retype(LineType.FENCE_OPEN);
            case FENCE_CLOSE -> token.retype(LineType.FENCE_CLOSE);
            case FENCE_CONTENT -> token.retype(LineType.CODE_LINE);
            case SECTION_HEADING -> token.retype(LineType.H2);
            case HEADING -> token.retype(LineType.HEADING);
            case OTHER -> {
                // prose, list items, Context and History lines: the lexer's own type
            }
        }
    }
}
