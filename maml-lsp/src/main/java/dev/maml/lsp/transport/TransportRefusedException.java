package dev.maml.lsp.transport;

import java.io.IOException;

/**
 * What the transport will not do: admit a socket client that did not prove it may drive the server
 * (its connection is closed unanswered), or use a socket path that is not safe to use.
 */
public final class TransportRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    TransportRefusedException(String reason) {
        super(reason);
    }
}
