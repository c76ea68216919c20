package dev.maml.server.auth;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The token of an {@code Authorization: Bearer TOKEN} header (RFC 6750 section 2.1), or why there is none. */
final class BearerToken {

    private static final String SCHEME = "bearer ";

    private BearerToken() {
    }

    /**
     * @throws Unauthorized {@code invalid_request} for a missing header or another scheme (RFC 6750
     *                      says a request without credentials gets no error code; the server leaves
     *                      the code out of the header for a missing one, see {@link Unauthorized})
     */
    static String of(@Nullable String authorization) throws Unauthorized {
        if (authorization == null || authorization.isBlank()) {
            throw new Unauthorized("", "this route needs a bearer token (Authorization: Bearer TOKEN)");
        }
        if (!authorization.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            throw new Unauthorized("invalid_request", "the Authorization header must use the Bearer scheme");
        }
        String token = authorization.substring(SCHEME.length()).strip();
        if (token.isEmpty()) {
            throw new Unauthorized("invalid_request", "the bearer token is empty");
        }
        return token;
    }
}
