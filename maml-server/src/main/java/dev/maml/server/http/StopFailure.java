package dev.maml.server.http;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** What went wrong in a stop, in words for the operator: never a bare "null", never a stack trace. */
final class StopFailure {

    private StopFailure() {
    }

    /**
     * @param failure what Jetty's stop threw (a timeout has no message of its own)
     * @param bound   the graceful stop's bound, named when it ran out
     */
    static String describe(Throwable failure, Duration bound) {
        if (failure instanceof TimeoutException) {
            return "requests still under way after " + bound.toSeconds() + " s were cut off";
        }
        String message = failure.getMessage();
        if (message != null && !message.isBlank()) {
            return message;
        }
        Throwable cause = failure.getCause();
        // A wrapper without words of its own: its cause says what happened, else its class does.
        return cause != null && cause != failure ? describe(cause, bound) : failure.getClass().getName();
    }
}
