package dev.maml.trust;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's MAML configuration directory, {@code $XDG_CONFIG_HOME/maml} (default
 * {@code ~/.config/maml}): the user's trust store {@code trusted_keys/} and the record of allowed
 * project stores {@code allowed_stores}. Tests build one on a temporary directory, so they never
 * read or write the real user's configuration.
 */
public record UserConfig(Path dir) {

    public UserConfig {
        dir = dir.toAbsolutePath().normalize();
    }

    /** From the process environment, as every front end uses it. */
    public static UserConfig fromEnvironment() {
        return from(System.getenv(), System.getProperty("user.home"));
    }

    static UserConfig from(Map<String, String> env, String home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG base directory spec: a relative value is invalid and must be ignored.
        Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".config");
        return new UserConfig(config.resolve("maml"));
    }

    public Path trustedKeys() {
        return dir.resolve("trusted_keys");
    }

    public Path allowedStores() {
        return dir.resolve("allowed_stores");
    }
}
