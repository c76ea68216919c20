package dev.maml.server.auth;

import dev.maml.run.Identity;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling (spec 11.1, "Identity"): turns a request's {@code Authorization} header into the
 * identity that the permission checks of section 5 see. One implementation per {@code --auth} mode
 * (none, tokens, oidc); the HTTP routes and the MCP endpoint share the one the server was started with.
 */
public interface Authenticator {

    /**
     * The caller's identity.
     *
     * @param authorization the request's {@code Authorization} header, null when absent
     * @throws Unauthorized when the request carries no acceptable credentials (HTTP 401)
     */
    Identity authenticate(@Nullable String authorization) throws Unauthorized;

    /**
     * The OAuth 2.0 authorization server whose tokens are accepted, which the protected resource
     * metadata (RFC 9728) names; empty for the modes that take no OAuth tokens.
     */
    default Optional<URI> authorizationServer() {
        return Optional.empty();
    }
}
