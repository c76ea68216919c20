package dev.maml.run;

import dev.maml.report.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result JSON of a run as it grows: each step is timed and recorded, and the first failure
 * marks the result `failed` with the failing step, so stdout always says how far the run got.
 */
public final class RunLog {

    /** A step's body; it may stop the run with a {@link RunFailure}. */
    @FunctionalInterface
    public interface Step<T> {
        T run() throws RunFailure;
    }

    private final ObjectNode result = Json.object();
    private final ArrayNode steps;

    public RunLog() {
        result.put("status", "running");
        steps = result.putArray("steps");
    }

    public ObjectNode result() {
        return result;
    }

    public <T> T step(String name, Step<T> body) throws RunFailure {
        long start = System.nanoTime();
        ObjectNode entry = steps.addObject().put("name", name);
        try {
            T value = body.run();
            entry.put("status", "ok");
            return value;
        } catch (RunFailure failure) {
            entry.put("status", "failed").put("message", failure.getMessage());
            result.put("status", "failed");
            result.put("failed_step", name);
            result.put("error", failure.getMessage());
            throw failure;
        } finally {
            entry.put("millis", (System.nanoTime() - start) / 1_000_000);
        }
    }

    public void finish() {
        result.put("status", "ok");
    }
}
