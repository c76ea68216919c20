package dev.maml.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The policy for tests that drive a real outside program (nvim, node and npm, curl, bubblewrap):
 * where the program is missing, the test is skipped on a developer's machine, but fails under
 * {@code CI=true}, so that a CI machine missing a part cannot pass silently. Only the exact value
 * {@code true} counts, the one CI systems set and {@code .ci/run} exports.
 */
public final class RealParts {

    private RealParts() {
    }

    /** Whether the tests run in CI, where every real part must be present. */
    public static boolean inCi() {
        return inCi(System.getenv("CI"));
    }

    static boolean inCi(String ci) {
        return "true".equals(ci);
    }

    /**
     * Skips the calling test because {@code what} is missing (a sentence naming the program and how
     * to install it), or fails it under {@code CI=true}.
     */
    public static void missing(String what) {
        if (inCi()) {
            Assertions.fail(what + "; under CI=true this test must run");
        }
        Assumptions.abort(what);
    }
}
