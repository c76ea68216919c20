package dev.maml.lsp.transport;

import java.io.IOException;

/** A socket client that did not prove it may drive the server; its connection is closed unanswered. */
public final class RefusedClientException extends IOException {

    private static final long serialVersionUID = 1L;

    RefusedClientException(String reason) {
        super(reason);
    }
}
