package dev.maml.server.auth;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code --auth} modes read from the command line: {@code --tokens} for tokens;
 * {@code --issuer}, {@code --audience} (any number; none accepts any {@code aud}) and
 * {@code --identity-claim} for oidc. Shared by `maml serve`
 * and any other front end that authenticates HTTP callers.
 */
public record AuthOptions(AuthMode mode, @Nullable Path tokens, @Nullable URI issuer, Set<String> audiences,
                          String identityClaim) {

    public AuthOptions {
        audiences = Set.copyOf(audiences);
    }

    /** The claim an OIDC token's identity is read from when none is named (then {@code sub}). */
    public static final String DEFAULT_IDENTITY_CLAIM = "client_id";
}
