package dev.maml.cli;

/** Exit codes of spec section 13. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int REFUSED = 3;

    private ExitCodes() {
    }
}
