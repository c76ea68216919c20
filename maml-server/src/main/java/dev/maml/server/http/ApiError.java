package dev.maml.server.http;

import dev.maml.report.Json;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request the server will not serve, as spec 11.1 answers it:
 * {@code {"error": {"status": 4xx, "code": "...", "message": "..."}}}. Thrown by a route, answered
 * by {@link Route}; Jetty's own refusals (413, 503, a malformed request) get the same body through
 * {@link JsonErrorHandler}. The message is for the client: it never carries a stack trace or a
 * server path.
 */
public final class ApiError extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The answer's body. */
    public byte[] body() {
        return body(status, code, getMessage());
    }

    /** The body of spec 11.1's error answer. */
    public static byte[] body(int status, String code, String message) {
        ObjectNode root = Json.object();
        root.putObject("error").put("status", status).put("code", code).put("message", message);
        return (Json.compact(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** 413: a body over --max-body. */
    static ApiError tooLarge(long max) {
        return new ApiError(413, "body_too_large", "the request body is larger than this server accepts (" + max
                + " bytes, --max-body)");
    }

    /** A short code for a status Jetty refused a request with (it has no code of ours). */
    public static String codeOf(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 413 -> "body_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            case 431 -> "headers_too_large";
            case 503 -> "overloaded";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }
}
