package dev.maml.server.auth;

import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code --auth} modes read from the command line: {@code --tokens} for tokens;
 * {@code --issuer}, {@code --audience} and {@code --identity-claim} for oidc. Shared by `maml serve`
 * and any other front end that authenticates HTTP callers.
 */
public record AuthOptions(AuthMode mode, @Nullable Path tokens, @Nullable URI issuer, @Nullable String audience,
                          String identityClaim) {

    /** The claim an OIDC token's identity is read from when none is named (then {@code sub}). */
    public static final String DEFAULT_IDENTITY_CLAIM = "client_id";
}
