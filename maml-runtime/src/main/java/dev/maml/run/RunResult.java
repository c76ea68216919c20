package dev.maml.run;

import java.nio.file.Path;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a run ended: the result JSON (spec section 10: `status`, the failing step, the steps so far
 * and the fields the pipeline filled), the exit code, the receipt written (null when none) and,
 * when the run failed, the one-line reason (the failing step is {@link #failedStep()}).
 */
public record RunResult(ObjectNode result, int exitCode, Path receipt, String message) {

    public boolean ok() {
        return exitCode == 0;
    }

    /** The failing step's name, or null. */
    public String failedStep() {
        return result.has("failed_step") ? result.get("failed_step").asString() : null;
    }
}
