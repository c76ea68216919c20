package dev.maml.io;

import java.io.IOException;

/**
 * A file a command refuses to touch: an input that is not a regular file or is too large, or an
 * output target that is not a regular file (spec 10.2a). The message is one line.
 */
public final class RefusedFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public RefusedFileException(String message) {
        super(message);
    }
}
