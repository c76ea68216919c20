package dev.maml.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to a request Jetty refuses before a route sees it: a body over --max-body (413), more
 * requests than --max-concurrent (503, with {@code Retry-After}), a malformed request (400), an
 * exception a route let escape (500). Same JSON as {@link ApiError}, with a message of ours: Jetty's
 * own messages and exceptions may name classes or internals, and never reach the client.
 */
final class JsonErrorHandler extends ErrorHandler {

    /** Seconds a client told to come back later should wait: runs take well under a second. */
    static final String RETRY_AFTER = "1";

    private final long maxBody;

    JsonErrorHandler(long maxBody) {
        this.maxBody = maxBody;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        if (code == 503 || code == 429) {
            headers.put(HttpHeader.RETRY_AFTER, RETRY_AFTER);
        }
        response.write(true, ByteBuffer.wrap(ApiError.body(code, ApiError.codeOf(code), messageFor(code))), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(ApiError.body(status, ApiError.codeOf(status), messageFor(status)));
    }

    private String messageFor(int code) {
        return switch (code) {
            case 413 -> ApiError.tooLarge(maxBody).getMessage();
            case 503, 429 -> "the server is handling as many requests as it may (--max-concurrent); retry later";
            case 431 -> "the request headers are too large";
            case 414 -> "the request URI is too long";
            case 408 -> "the request did not arrive in time";
            case 404 -> "no such route";
            case 400 -> "malformed HTTP request";
            default -> code >= 500 ? "internal error (a bug in the server); the request was not completed"
                    : "the request was refused (HTTP " + code + ")";
        };
    }
}
