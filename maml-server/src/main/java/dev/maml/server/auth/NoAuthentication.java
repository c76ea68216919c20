package dev.maml.server.auth;

import dev.maml.run.Identity;
import org.jspecify.annotations.Nullable;

/**
 * {@code --auth none}: every caller is {@code agent://local} (spec 11.1), as a local `maml run`
 * is. Safe only on loopback, which is why the server refuses to bind anything else with it.
 */
public final class NoAuthentication implements Authenticator {

    @Override
    public Identity authenticate(@Nullable String authorization) {
        return Identity.LOCAL;
    }
}
