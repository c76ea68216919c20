package dev.maml.quadaes;

import java.io.IOException;

/** A keyring file that cannot be used: malformed, or readable by others. */
public class KeyringException extends IOException {

    private static final long serialVersionUID = 1L;

    public KeyringException(String message) {
        super(message);
    }
}
