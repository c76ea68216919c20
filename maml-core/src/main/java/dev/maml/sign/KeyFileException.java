package dev.maml.sign;

import java.io.IOException;

/** A key file that cannot be used, with a message a person can act on (never the key material). */
public final class KeyFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public KeyFileException(String message) {
        super(message);
    }
}
