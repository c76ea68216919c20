package dev.maml.lsp.server;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * What a request that fails with an exception answers. LSP4J's default answers -32603 with the
 * message "Internal error." and the whole Java stack trace as {@code data}, which editors show to
 * the user; here the answer names the exception in one line and the stack trace goes to standard
 * error, where the server's logs go. An error the server meant to answer ({@link
 * ResponseErrorException}) is answered as it is.
 */
final class InternalErrors implements Function<Throwable, ResponseError> {

    private final PrintStream log;

    InternalErrors(PrintStream log) {
        this.log = log;
    }

    @Override
    public ResponseError apply(Throwable thrown) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof ResponseErrorException e) {
            return e.getResponseError();
        }
        log.println("maml lsp: internal error: " + cause);
        cause.printStackTrace(log);
        String what = cause.getMessage() == null ? cause.getClass().getName()
                : cause.getClass().getName() + ": " + cause.getMessage();
        return new ResponseError(ResponseErrorCode.InternalError,
                "maml: internal error (" + what + "); the server's standard error has the details", null);
    }

    /** The exception a handler threw, out of the wrappers that futures and reflection put around it. */
    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException
                || c instanceof InvocationTargetException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
