package dev.maml.server.http;

import dev.maml.report.Json;
import dev.maml.run.Identity;
import dev.maml.run.RunResult;
import dev.maml.server.metrics.ServerMetrics;
import dev.maml.server.receipts.RunOutputs;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /execute: runs the document as the caller's identity and answers what `maml run` prints on
 * stdout, with the HTTP status of its exit code (0 → 200, 1 → 422, 2 → 400, 3 → 403). The body is
 * the run's result even when the run was refused, as spec 11.1's table says, not the error object:
 * it names the failing step and what was gathered so far. One change: {@code receipt} is the bare
 * file name that GET /receipts/{name} serves, not the server's path to it ({@link RunOutputs#answer}).
 *
 * <p>The body is the document ({@code text/markdown}) or {@code application/json}
 * {@code {"document": "...", "inputs": {...}}}.
 */
final class ExecuteRoute extends PostedRoute {

    private static final long serialVersionUID = 1L;
    private static final Set<String> FIELDS = Set.of("document", "inputs");

    ExecuteRoute(PostedDocuments documents, ServerMetrics metrics) {
        super(documents, metrics);
    }

    @Override
    void answer(HttpServletRequest request, HttpServletResponse response) throws ApiError, IOException {
        String type = Bodies.requireType(request, "text/markdown", "application/json");
        byte[] body = Bodies.read(request, documents.maxBody());
        byte[] document;
        ObjectNode inputs = null;
        if (type.equals("application/json")) {
            ObjectNode object = jsonObject(body);
            document = documentField(object).getBytes(StandardCharsets.UTF_8);
            inputs = inputsField(object);
        } else {
            document = body;
        }
        Bodies.requireText(document);
        RunResult result = documents.run(document, inputs, (Identity) request.getAttribute(AuthFilter.IDENTITY));
        metrics.run(result);
        json(response, status(result.exitCode()), RunOutputs.answer(result));
    }

    private static int status(int exitCode) {
        return switch (exitCode) {
            case 0 -> 200;
            case 1 -> 422;
            case 2 -> 400;
            case 3 -> 403;
            default -> 500;
        };
    }

    private static ObjectNode jsonObject(byte[] body) throws ApiError {
        Bodies.requireText(body);
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new ApiError(400, "invalid_json", "the body is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ApiError(400, "invalid_json", "the body must be a JSON object {\"document\": \"...\", \"inputs\": {...}}");
        }
        for (String field : node.propertyNames()) {
            if (!FIELDS.contains(field)) {
                throw new ApiError(400, "invalid_json", "unknown field '" + field + "'; the fields are document and inputs");
            }
        }
        return (ObjectNode) node;
    }

    private static String documentField(ObjectNode object) throws ApiError {
        JsonNode document = object.get("document");
        if (document == null || !document.isString()) {
            throw new ApiError(400, "invalid_json", "\"document\" must be the document's text (a JSON string)");
        }
        return document.asString();
    }

    private static @Nullable ObjectNode inputsField(ObjectNode object) throws ApiError {
        JsonNode inputs = object.get("inputs");
        if (inputs == null || inputs.isNull()) {
            return null;
        }
        if (!inputs.isObject()) {
            throw new ApiError(400, "invalid_json", "\"inputs\" must be a JSON object");
        }
        return (ObjectNode) inputs;
    }
}
