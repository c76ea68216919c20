package dev.maml.run;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The record of one run as it grows: each step is timed, the part it returns (or the parts its
 * failure carries) is kept in order, and the first failure ends the run. Owned by one run of the
 * {@link Pipeline}; the steps see it only through immutable {@link #snapshot()}s.
 */
final class RunLog {

    /** A step's body; it may stop the run with a {@link RunFailure}. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws RunFailure;
    }

    private final List<ResultPart> parts = new ArrayList<>();
    private final List<StepRecord> steps = new ArrayList<>();
    private @Nullable String running;

    /** A part found outside any step (the header, the start of the code blocks). */
    void add(ResultPart part) {
        parts.add(part);
    }

    /** Runs and times a step; what it returns is kept when it is a {@link ResultPart}. */
    <T> T step(String name, Step<T> body) throws RunFailure {
        long start = System.nanoTime();
        running = name;
        try {
            T value = body.run();
            if (value instanceof ResultPart part) {
                parts.add(part);
            }
            steps.add(new StepRecord(name, StepRecord.Status.OK, null, millisSince(start)));
            return value;
        } catch (RunFailure failure) {
            parts.addAll(failure.found());
            steps.add(new StepRecord(name, StepRecord.Status.FAILED, failure.getMessage(), millisSince(start)));
            throw failure;
        } finally {
            running = null;
        }
    }

    /** The run so far (with the step under way, when called from inside one). */
    RunReport snapshot() {
        return new RunReport(parts, steps, running, false);
    }

    /** The run, ended: ok unless a step failed. */
    RunReport finish() {
        return new RunReport(parts, steps, null, true);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
