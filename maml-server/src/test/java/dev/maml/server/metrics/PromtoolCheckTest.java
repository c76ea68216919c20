package dev.maml.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.maml.server.testing.ChildProcess;
import dev.maml.server.testing.Demo;
import dev.maml.server.testing.Documents;
import dev.maml.server.testing.Exposition;
import dev.maml.server.testing.RequiredProgram;
import dev.maml.server.testing.ServerFixture;
import dev.maml.testing.ChildProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec 11.1: GET /metrics passes `promtool check metrics`, with every metric family holding samples. */
class PromtoolCheckTest extends ServerFixture {

    private static final List<String> FAMILIES = List.of("maml_runs_total", "maml_run_step_seconds_count",
            "maml_qkd_qber_count", "maml_qkd_eavesdropper_detected_total", "maml_sealed_bytes_total",
            "maml_lint_findings_total", "maml_http_requests_total", "maml_http_request_duration_seconds_count");

    @TempDir
    Path work;

    @Test
    void promtoolHasNothingToSayAboutTheExposition() throws Exception {
        RequiredProgram.check("the promtool check of /metrics", "promtool", "--version");
        start(demoTrusted());
        server.post("/execute", "text/markdown", Demo.document());
        server.post("/execute", "text/markdown",
                Documents.of("quantum_workflow", "agent://local", "## Context\nqkd_bits: 512\neavesdropper: 1\n"));
        server.post("/execute", "text/markdown", Documents.of("quantum_workflow", "agent://other", "## Context\nx: 1\n"));
        server.post("/lint", "text/markdown", "---\nmaml_version: \"2.0.0\"\n---\n");
        server.get("/no/such/path");
        server.awaitLog(5);
        String exposition = server.get("/metrics").body();
        Exposition samples = Exposition.parse(exposition);
        FAMILIES.forEach(family -> assertFalse(samples.samples(family).isEmpty(), family + " has no sample"));
        assertEquals(1, samples.value("maml_qkd_eavesdropper_detected_total"));

        Path input = Files.writeString(work.resolve("metrics.txt"), exposition);
        ChildProcesses.Finished check = ChildProcess.runWithInput(work, input, Duration.ofSeconds(60),
                "promtool", "check", "metrics");
        assertNotNull(check, "promtool ran a moment ago");
        assertEquals(new ChildProcesses.Finished(0, ""), check, exposition);
    }
}
