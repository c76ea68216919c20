package dev.maml.server.http;

import dev.maml.report.VerifyReport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * POST /verify (text/markdown): what `maml verify --json` prints ({@link VerifyReport}), against
 * the server's trust (its user's store, --root's allowed project store, --trust). HTTP 200 whatever
 * the outcome: the request was served; {@code outcome}, {@code valid} and {@code trusted} say the rest.
 */
final class VerifyRoute extends Route {

    private static final long serialVersionUID = 1L;

    private final transient PostedDocuments documents;
    private final long maxBody;

    VerifyRoute(PostedDocuments documents, long maxBody) {
        super("POST");
        this.documents = documents;
        this.maxBody = maxBody;
    }

    @Override
    void answer(HttpServletRequest request, HttpServletResponse response) throws ApiError, IOException {
        Bodies.requireType(request, "text/markdown");
        byte[] body = Bodies.read(request, maxBody);
        Bodies.text(body);
        json(response, 200, VerifyReport.json(PostedDocuments.NAME, documents.verify(body)));
    }
}
