package dev.maml.server.http;

import dev.maml.server.metrics.ServerMetrics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** GET /metrics: the Prometheus text exposition (spec 11.1); a token only with --metrics-auth. */
final class MetricsRoute extends Route {

    private static final long serialVersionUID = 1L;

    private final transient ServerMetrics metrics;

    MetricsRoute(ServerMetrics metrics) {
        super("GET");
        this.metrics = metrics;
    }

    @Override
    void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        response.setStatus(200);
        write(response, metrics.contentType(), out.toByteArray());
    }
}
