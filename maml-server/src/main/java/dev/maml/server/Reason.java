package dev.maml.server;

/**
 * A failure in words for the operator or a client. Many exceptions carry no message (a bare
 * {@code BindException}, a {@code ServletException()}, a timeout), and printing theirs gives
 * "null"; then the exception's kind is the best there is.
 */
public final class Reason {

    private Reason() {
    }

    /** {@code failure}'s message, or its class's simple name when the message is null or blank. */
    public static String of(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
