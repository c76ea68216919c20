package dev.maml.sandbox;

import java.util.Locale;

/** How a code block ended. */
public enum BlockStatus {
    /** Exit code 0. */
    OK,
    /** A non-zero exit the limits do not explain (an exception, {@code exit 1}, a failed allocation). */
    FAILED,
    /** The wall-clock limit ran out; the sandbox was killed. */
    TIMEOUT,
    /** The kernel stopped it at an rlimit (CPU time, file size) or killed it (SIGKILL). */
    KILLED_BY_LIMIT,
    /** More than the allowed bytes on stdout or stderr; the sandbox was killed. */
    OUTPUT_TOO_LARGE;

    /** The name used in result JSON: {@code killed-by-limit}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
