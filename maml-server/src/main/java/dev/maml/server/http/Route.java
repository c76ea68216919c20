package dev.maml.server.http;

import dev.maml.report.Json;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One route of spec 11.1's table: checks the method (405 with {@code Allow} otherwise) and turns an
 * {@link ApiError} into its JSON answer. Routes write their answer themselves and never call
 * {@code sendError}, so every answer has the spec's shape.
 */
abstract class Route extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final String method;

    /** @param method the one method the route answers */
    Route(String method) {
        this.method = method;
    }

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!method.equals(request.getMethod())) {
                response.setHeader("Allow", method);
                throw new ApiError(405, "method_not_allowed", request.getMethod() + " is not allowed here; use " + method);
            }
            answer(request, response);
        } catch (ApiError e) {
            send(response, e);
        }
    }

    /** The one method the route answers. */
    final String method() {
        return method;
    }

    /** Answers a request with the right method. */
    abstract void answer(HttpServletRequest request, HttpServletResponse response) throws ApiError, IOException;

    /** Writes {@code e} as the answer, unless an answer was already under way (then the connection just ends). */
    static void send(HttpServletResponse response, ApiError e) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(e.status());
        write(response, "application/json", e.body());
    }

    /** A JSON answer. */
    static void json(HttpServletResponse response, int status, Object node) throws IOException {
        response.setStatus(status);
        write(response, "application/json", (Json.pretty(node) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static void write(HttpServletResponse response, String contentType, byte[] body) throws IOException {
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
