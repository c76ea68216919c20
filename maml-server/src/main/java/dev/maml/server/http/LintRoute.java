package dev.maml.server.http;

import dev.maml.lint.LintResult;
import dev.maml.report.DiagnosticJson;
import dev.maml.report.Json;
import dev.maml.server.metrics.ServerMetrics;
import dev.maml.toolchain.LintOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** POST /lint (text/markdown): {@code {"diagnostics": [...]}}, each as `maml lint --format json` writes it. */
final class LintRoute extends PostedRoute {

    private static final long serialVersionUID = 1L;

    LintRoute(PostedDocuments documents, ServerMetrics metrics) {
        super(documents, metrics);
    }

    @Override
    void answer(HttpServletRequest request, HttpServletResponse response) throws ApiError, IOException {
        LintOutcome outcome = documents.lint(markdownText(request));
        LintResult result = outcome.result();
        if (result == null) {
            // Only a broken .maml-lint.yaml in --root gets here: the server's configuration, not the request.
            throw new ApiError(500, "server_config", "the server's lint configuration cannot be read: "
                    + outcome.configError());
        }
        metrics.lint(result.diagnostics());
        ObjectNode answer = Json.object();
        ArrayNode diagnostics = answer.putArray("diagnostics");
        result.diagnostics().forEach(d -> diagnostics.add(DiagnosticJson.of(d, result.document().lines())));
        json(response, 200, answer);
    }
}
