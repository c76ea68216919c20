package dev.maml.parse;

import dev.maml.model.Range;
import org.antlr.v4.runtime.Token;

/** Every structure token is one whole line (see MamlLexer.g4); these read such a line. */
final class TokenLines {

    private TokenLines() {
    }

    static int start(Token token) {
        return token.getStartIndex();
    }

    /** The line without the CR of a CRLF ending. */
    static String text(Token token) {
        String line = token.getText();
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** The line's range, without the CR of a CRLF ending. */
    static Range range(Token token) {
        return Range.of(start(token), start(token) + text(token).length());
    }
}
