package dev.maml.run;

import org.jspecify.annotations.Nullable;

/** One step of a run that has ended: whether it failed (with why) and how long it took. */
public record StepRecord(String name, Status status, @Nullable String message, long millis) {

    /** How a step ended. */
    public enum Status {
        OK("ok"), FAILED("failed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
