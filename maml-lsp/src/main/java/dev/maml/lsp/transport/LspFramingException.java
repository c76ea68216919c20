package dev.maml.lsp.transport;

import java.io.IOException;

/** The peer sent something that is not LSP's base protocol; the session ends. Never quotes the peer's bytes. */
public final class LspFramingException extends IOException {

    private static final long serialVersionUID = 1L;

    LspFramingException(String problem) {
        super("not LSP framing: " + problem);
    }
}
