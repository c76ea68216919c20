package dev.maml.server.auth;

import org.jspecify.annotations.Nullable;

/**
 * A request without acceptable credentials: answered 401 with {@code WWW-Authenticate: Bearer}
 * (RFC 6750). The message is safe to show the client: it says what was wrong with the token, never
 * what a valid one would contain.
 */
public final class Unauthorized extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * The RFC 6750 error code for {@code WWW-Authenticate}: {@code invalid_request} or
     * {@code invalid_token}; null when the request carried no credentials at all (no header, or
     * another scheme than Bearer), for which RFC 6750 section 3.1 says to send no error code.
     */
    private final @Nullable String errorCode;

    public Unauthorized(@Nullable String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public @Nullable String errorCode() {
        return errorCode;
    }
}
