package dev.maml.run;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a run ended: what its steps found ({@link #report()}), the exit code, the receipt written and,
 * when the run failed, the one-line reason (the failing step is {@link #failedStep()}).
 *
 * @param receipt the receipt written; null when none was (the run failed)
 * @param message why the run failed; null when it did not
 */
public record RunResult(RunReport report, int exitCode, @Nullable Path receipt, @Nullable String message) {

    public boolean ok() {
        return exitCode == 0;
    }

    /**
     * The result JSON (spec section 10: `status`, the failing step, the steps and the fields the
     * pipeline filled), made afresh for the caller to print.
     */
    public ObjectNode result() {
        return ResultJson.of(report);
    }

    /** The failing step's name, or null. */
    public @Nullable String failedStep() {
        StepRecord failed = report.failed();
        return failed == null ? null : failed.name();
    }
}
