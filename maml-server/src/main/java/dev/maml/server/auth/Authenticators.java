package dev.maml.server.auth;

import java.io.IOException;

/**
 * The one place an {@code --auth} mode becomes its {@link Authenticator}, so every server front end
 * accepts the same credentials. A configuration that cannot work is an {@link IOException} with a
 * message for the operator; the server then refuses to start (exit 2) instead of accepting less or
 * more than it was told to.
 */
public final class Authenticators {

    private Authenticators() {
    }

    public static Authenticator create(AuthOptions options) throws IOException {
        return switch (options.mode()) {
            case NONE -> new NoAuthentication();
            case TOKENS -> {
                if (options.tokens() == null) {
                    throw new IOException("--auth tokens needs --tokens FILE");
                }
                yield new TokenAuthenticator(TokenFile.read(options.tokens()));
            }
            case OIDC -> {
                if (options.issuer() == null) {
                    throw new IOException("--auth oidc needs --issuer URL");
                }
                yield OidcAuthenticator.discover(options.issuer(), options.audiences(), options.identityClaim());
            }
        };
    }
}
