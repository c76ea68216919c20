package dev.maml.server.http;

import dev.maml.report.VerifyReport;
import dev.maml.server.metrics.ServerMetrics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * POST /verify (text/markdown): what `maml verify --json` prints ({@link VerifyReport}), against
 * the server's trust (its user's store, --root's allowed project store, --trust). HTTP 200 whatever
 * the outcome: the request was served; {@code outcome}, {@code valid} and {@code trusted} say the rest.
 */
final class VerifyRoute extends PostedRoute {

    private static final long serialVersionUID = 1L;

    VerifyRoute(PostedDocuments documents, ServerMetrics metrics) {
        super(documents, metrics);
    }

    @Override
    void answer(HttpServletRequest request, HttpServletResponse response) throws ApiError, IOException {
        json(response, 200, VerifyReport.json(PostedDocuments.NAME, documents.verify(markdown(request))));
    }
}
