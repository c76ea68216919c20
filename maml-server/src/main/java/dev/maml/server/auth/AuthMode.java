package dev.maml.server.auth;

import java.util.Locale;

/** The {@code --auth} modes of spec 11.1. */
public enum AuthMode {
    NONE, TOKENS, OIDC;

    /** @throws IllegalArgumentException naming the modes, for a word that is none of them */
    public static AuthMode parse(String word) {
        for (AuthMode mode : values()) {
            if (mode.word().equals(word)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("--auth takes none, tokens or oidc, got '" + word + "'");
    }

    /** As written on the command line. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
