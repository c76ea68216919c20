package dev.maml.lint.rules;

import java.util.regex.Pattern;

/** The identity URIs of spec section 5, as the front-matter rules check them. */
final class Identities {

    /** agent://NAME or gateway://NAME (an origin names one identity). */
    static final Pattern ONE = Pattern.compile("(agent|gateway)://[A-Za-z0-9._-]+");
    /** A permission entry: one identity, or every identity of a scheme. */
    static final Pattern ENTRY = Pattern.compile("(agent|gateway)://([A-Za-z0-9._-]+|\\*)");
    /** A bare NAME, as in "origin: drone-security". */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private Identities() {
    }
}
