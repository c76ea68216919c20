package dev.maml.quadaes;

import java.io.IOException;

/**
 * The container does not open: a chunk or the header fails authentication, too few heads unwrap,
 * or it was sealed for another keyring. An IOException so it can leave stream callbacks; callers
 * that care (the CLI: exit 1 instead of 2) catch it before other I/O errors.
 */
public class ContainerException extends IOException {

    private static final long serialVersionUID = 1L;

    public ContainerException(String message) {
        super(message);
    }
}
