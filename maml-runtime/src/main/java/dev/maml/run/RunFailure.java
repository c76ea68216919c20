package dev.maml.run;

import java.util.List;

/**
 * A run stopped on purpose at a step, with the exit code of spec section 10: 1 the workflow ran and
 * failed, 2 the document or command line is invalid, 3 refused (permission, signature, sandbox).
 * It carries what the failing step found before it stopped (the lint errors, the QKD statistics…),
 * which the result still shows.
 */
public final class RunFailure extends Exception {

    private static final long serialVersionUID = 1L;

    public static final int FAILED = 1;
    public static final int INVALID = 2;
    public static final int REFUSED = 3;

    private final int exitCode;
    private final transient List<ResultPart> found;

    public RunFailure(int exitCode, String message, ResultPart... found) {
        super(message, null, false, false);
        this.exitCode = exitCode;
        this.found = List.of(found);
    }

    public int exitCode() {
        return exitCode;
    }

    /** What the failing step found, in the order it found it. */
    List<ResultPart> found() {
        return found;
    }
}
