package dev.maml.cli;

/**
 * Exit codes of spec section 13, and {@link #INTERNAL} for a bug: 70 is EX_SOFTWARE of BSD
 * sysexits.h, so a script can tell "the tool broke" from "the input was bad" (2).
 */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int REFUSED = 3;
    static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
