package dev.maml.lsp.server;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Answers -32601 MethodNotFound for every request the server does not serve. LSP4J already does
 * for a method it has never heard of, but a method of its service interfaces that the server does
 * not implement throws UnsupportedOperationException from the interface's default, which LSP4J
 * turns into -32603 InternalError carrying its stack trace; and a {@code $/} request it answers
 * with null, where the protocol says MethodNotFound.
 */
final class ServedRequests implements Endpoint {

    private final Endpoint served;

    ServedRequests(Endpoint served) {
        this.served = served;
    }

    @Override
    public CompletableFuture<?> request(String method, Object parameter) {
        if (method.startsWith("$/")) {
            return notServed(method);
        }
        try {
            return served.request(method, parameter);
        } catch (UnsupportedOperationException e) {
            if (fromLsp4jDefault(e)) {
                return notServed(method);
            }
            throw e;
        }
    }

    /** Thrown by a default method of LSP4J's service interfaces, not by a bug in a method this server serves. */
    private static boolean fromLsp4jDefault(UnsupportedOperationException e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.eclipse.lsp4j.services.");
    }

    @Override
    public void notify(String method, Object parameter) {
        served.notify(method, parameter);
    }

    private static CompletableFuture<?> notServed(String method) {
        return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
                ResponseErrorCode.MethodNotFound, "maml lsp does not serve " + method, null)));
    }
}
