package dev.maml.sandbox;

import dev.maml.run.RunFailure;
import java.util.Optional;

/**
 * Whether code blocks can be run here: a working sandbox, or the reason there is none with how to
 * get one. There is no third answer: without a sandbox, blocks are refused, never run bare.
 */
public record Detection(Optional<Sandbox> sandbox, String refusal) {

    public Detection {
        if (sandbox.isPresent() == (refusal != null)) {
            throw new IllegalArgumentException("a detection is a sandbox or a refusal, exactly one");
        }
    }

    static Detection available(Sandbox sandbox) {
        return new Detection(Optional.of(sandbox), null);
    }

    static Detection refused(String why) {
        return new Detection(Optional.empty(), why + "; code blocks run only inside a sandbox and were not run");
    }

    public boolean isAvailable() {
        return sandbox.isPresent();
    }

    /** The sandbox, or a "refused" failure (exit code 3, spec section 10) carrying the refusal. */
    public Sandbox orRefuse() throws RunFailure {
        if (sandbox.isEmpty()) {
            throw new RunFailure(RunFailure.REFUSED, refusal);
        }
        return sandbox.get();
    }
}
