package dev.maml.run;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A run as far as it got, immutable: the parts the steps found (in order) and the steps. The run is
 * {@code running} until it {@code finished}; it failed when a step did ({@link #failed()}).
 *
 * @param running the step under way when this report was taken (only inside a step); null otherwise
 */
public record RunReport(List<ResultPart> parts, List<StepRecord> steps, @Nullable String running, boolean finished) {

    public RunReport {
        parts = List.copyOf(parts);
        steps = List.copyOf(steps);
    }

    /** The step that failed; null when none did. */
    public @Nullable StepRecord failed() {
        return steps.stream().filter(s -> s.status() == StepRecord.Status.FAILED).findFirst().orElse(null);
    }

    /** "ok", "failed" or, while it runs, "running". */
    public String status() {
        return failed() != null ? "failed" : finished ? "ok" : "running";
    }
}
