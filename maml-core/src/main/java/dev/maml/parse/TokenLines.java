package dev.maml.parse;

import dev.maml.model.Range;

/** Every structure token is one whole line (see {@link LineLexer}); these read such a line. */
final class TokenLines {

    private TokenLines() {
    }

    static int start(LineToken token) {
        return token.start();
    }

    /** The line without the CR of a CRLF ending. */
    static String text(LineToken token) {
        return token.content();
    }

    /** The line's range, without the CR of a CRLF ending. */
    static Range range(LineToken token) {
        return Range.of(token.start(), token.contentEnd());
    }
}
