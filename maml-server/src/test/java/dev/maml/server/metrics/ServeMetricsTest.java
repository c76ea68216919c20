package dev.maml.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.server.testing.Demo;
import dev.maml.server.testing.Documents;
import dev.maml.server.testing.Exposition;
import dev.maml.server.testing.RunningServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics of spec 11.1 after real requests, read back from GET /metrics. */
class ServeMetricsTest {

    @TempDir
    Path root;
    @TempDir
    Path receipts;

    @Test
    void runsLintsAndRequestsAreCountedWithBoundedLabels() throws Exception {
        Demo.copyInto(root);
        try (RunningServer server = RunningServer.start(RunningServer.settings(root, receipts)
                .trust(List.of(root.resolve(Demo.PUBLIC_KEY))).build())) {
            assertEquals(200, server.post("/execute", "text/markdown", Demo.document()).statusCode());
            assertEquals(200, server.post("/execute", "text/markdown", Demo.document()).statusCode());
            assertEquals(200, server.post("/execute", "text/markdown", Documents.quantum()).statusCode());
            String eve = Documents.of("quantum_workflow", "agent://local", "## Context\nqkd_bits: 512\neavesdropper: 1\n");
            assertEquals(422, server.post("/execute", "text/markdown", eve).statusCode());
            assertEquals(403, server.post("/execute", "text/markdown",
                    Documents.of("quantum_workflow", "agent://other", "## Context\nx: 1\n")).statusCode());
            assertEquals(200, server.post("/lint", "text/markdown", "---\nmaml_version: \"2.0.0\"\n---\n").statusCode());
            for (int i = 0; i < 5; i++) {
                server.get("/receipts/absent-" + i + ".mu");
                server.get("/no/such/path/" + i);
            }
            server.awaitLog(16);
            Exposition metrics = Exposition.parse(server.get("/metrics").body());

            assertEquals(2, metrics.value("maml_runs_total", "type", "security_workflow", "status", "ok"));
            assertEquals(1, metrics.value("maml_runs_total", "type", "quantum_workflow", "status", "ok"));
            assertEquals(1, metrics.value("maml_runs_total", "type", "quantum_workflow", "status", "failed"));
            assertEquals(1, metrics.value("maml_runs_total", "type", "quantum_workflow", "status", "refused"));
            assertEquals(4, metrics.value("maml_qkd_qber_count"), "every QKD exchange that reached its estimate");
            assertEquals(1, metrics.value("maml_qkd_eavesdropper_detected_total"));
            assertEquals(2 * Files.size(root.resolve("drone_communication_data.csv")),
                    metrics.value("maml_sealed_bytes_total"));
            assertEquals(5, metrics.value("maml_run_step_seconds_count", "step", "permissions"));
            assertEquals(4, metrics.value("maml_run_step_seconds_count", "step", "qkd.bb84"));
            assertTrue(metrics.value("maml_lint_findings_total", "severity", "error") >= 1);

            assertEquals(3, metrics.value("maml_http_requests_total", "route", "/execute", "code", "200"));
            assertEquals(1, metrics.value("maml_http_requests_total", "route", "/execute", "code", "422"));
            assertEquals(1, metrics.value("maml_http_requests_total", "route", "/execute", "code", "403"));
            assertEquals(5, metrics.value("maml_http_requests_total", "route", "/receipts/{name}", "code", "404"));
            assertEquals(5, metrics.value("maml_http_requests_total", "route", "other", "code", "404"));
            assertEquals(5, metrics.value("maml_http_request_duration_seconds_count", "route", "/execute"));
            metrics.samples("maml_http_requests_total").forEach(s -> assertTrue(
                    List.of("/execute", "/lint", "/verify", "/receipts/{name}", "/metrics", "/health", "other")
                            .contains(s.labels().get("route")), s.toString()));
        }
    }
}
