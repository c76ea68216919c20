package dev.maml.run;

/**
 * A run stopped on purpose at a step, with the exit code of spec section 10: 1 the workflow ran and
 * failed, 2 the document or command line is invalid, 3 refused (permission, signature, sandbox).
 */
public final class RunFailure extends Exception {

    private static final long serialVersionUID = 1L;

    public static final int FAILED = 1;
    public static final int INVALID = 2;
    public static final int REFUSED = 3;

    private final int exitCode;

    public RunFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
