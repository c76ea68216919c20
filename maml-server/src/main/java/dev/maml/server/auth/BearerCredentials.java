package dev.maml.server.auth;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The token of an {@code Authorization: Bearer ...} header (RFC 6750 section 2.1). */
final class BearerCredentials {

    /** RFC 6750's b64token: what a bearer token may be made of. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private BearerCredentials() {
    }

    /**
     * The token in the header.
     *
     * @throws Unauthorized without an error code when there is no header or it uses another scheme
     *     (RFC 6750 section 3.1: a request that "lacks any authentication information ... SHOULD NOT
     *     include an error code"), with {@code invalid_request} when the Bearer header is malformed
     */
    static String token(@Nullable String authorization) throws Unauthorized {
        if (authorization == null || authorization.isBlank()) {
            throw new Unauthorized(null, "this request needs an OAuth 2.0 access token (Authorization: Bearer <token>)");
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        // The scheme name is case-insensitive (RFC 9110 section 11.1).
        if (!scheme.equalsIgnoreCase("Bearer")) {
            throw new Unauthorized(null, "the Authorization header must use the Bearer scheme");
        }
        String token = space < 0 ? "" : header.substring(space + 1).strip();
        if (!B64TOKEN.matcher(token).matches()) {
            throw new Unauthorized("invalid_request", "malformed Authorization header: expected 'Bearer <token>'");
        }
        return token;
    }
}
