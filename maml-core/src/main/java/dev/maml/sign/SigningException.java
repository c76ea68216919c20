package dev.maml.sign;

/** A document that cannot be signed as it stands, with the reason a person can act on. */
public final class SigningException extends Exception {

    private static final long serialVersionUID = 1L;

    public SigningException(String message) {
        super(message, null, false, false);
    }
}
