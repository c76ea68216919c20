package dev.maml.io;

import java.io.IOException;

/** An input file that must not be read (not a regular file, too large); the message is one line. */
public final class InputFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public InputFileException(String message) {
        super(message);
    }
}
