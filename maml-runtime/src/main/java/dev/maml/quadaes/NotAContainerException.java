package dev.maml.quadaes;

import java.io.IOException;

/** The file is not a quad-aes-256-gcm container of a version this code reads. */
public class NotAContainerException extends IOException {

    private static final long serialVersionUID = 1L;

    public NotAContainerException(String message) {
        super(message);
    }
}
