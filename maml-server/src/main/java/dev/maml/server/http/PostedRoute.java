package dev.maml.server.http;

import dev.maml.server.metrics.ServerMetrics;
import jakarta.servlet.http.HttpServletRequest;

/** A route that takes a posted document (POST /execute, /lint, /verify) and hands it to the engine. */
abstract class PostedRoute extends Route {

    private static final long serialVersionUID = 1L;

    final transient PostedDocuments documents;
    final transient ServerMetrics metrics;

    PostedRoute(PostedDocuments documents, ServerMetrics metrics) {
        super("POST");
        this.documents = documents;
        this.metrics = metrics;
    }

    /** The body as a {@code text/markdown} document: 415, 413 or 400 (see {@link Bodies}) when it is not one. */
    byte[] markdown(HttpServletRequest request) throws ApiError {
        byte[] body = body(request);
        Bodies.requireText(body);
        return body;
    }

    /** {@link #markdown}, decoded (checking it is text decodes it; the engine need not do it again). */
    String markdownText(HttpServletRequest request) throws ApiError {
        return Bodies.requireText(body(request));
    }

    private byte[] body(HttpServletRequest request) throws ApiError {
        Bodies.requireType(request, "text/markdown");
        return Bodies.read(request, documents.maxBody());
    }
}
