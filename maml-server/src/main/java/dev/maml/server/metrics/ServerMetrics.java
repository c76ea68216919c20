package dev.maml.server.metrics;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.run.RunResult;
import dev.maml.run.StepRecord;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The metrics of spec 11.1 in a registry of the server's own (two servers in one JVM, as in the
 * tests, never share counts), plus the JVM's. Every label value comes from a closed set: a route
 * template, a status code, a step name of the pipeline, a document type the pipeline knows, a
 * severity. A value the caller controls (a path, a document id, an unknown type) is never a label,
 * so a client cannot grow the exposition without bound. No exemplars: the text format served never
 * shows them, and sampling them cost every request a clock read, an allocation and, now and then, a
 * task for the client library's scheduler thread. Thread-safe.
 */
public final class ServerMetrics {

    /** Document types with a label of their own; any other type counts as {@code other}. */
    private static final Set<String> TYPES = Set.of("security_workflow", "quantum_workflow", "workflow");
    /** Step names of the run pipeline (dev.maml.run.Pipeline and its workflows); code_block.N counts as code_block. */
    private static final Set<String> STEPS = Set.of("lint", "signature", "permissions", "inputs", "qkd.bb84",
            "quad_aes.seal", "sign", "verify", "workflow", "sandbox", "code_block", "output_schema", "receipt", "record");
    /** Exit codes of `maml run` (spec 10) as the status label. */
    private static final List<String> STATUSES = List.of("ok", "failed", "invalid", "refused");

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter runs = Counter.builder().name("maml_runs_total")
            .help("Runs of posted documents by document type and outcome (ok, failed, invalid, refused).")
            .labelNames("type", "status").withoutExemplars().register(registry);
    private final Histogram stepSeconds = Histogram.builder().name("maml_run_step_seconds")
            .help("Time each step of a run took.").labelNames("step").classicOnly()
            .classicUpperBounds(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .withoutExemplars().register(registry);
    private final Histogram qber = Histogram.builder().name("maml_qkd_qber")
            .help("Quantum bit error rate estimated by each QKD exchange.").classicOnly()
            .classicUpperBounds(0.01, 0.02, 0.05, 0.08, 0.11, 0.15, 0.2, 0.25, 0.3, 0.5)
            .withoutExemplars().register(registry);
    private final Counter eavesdropper = Counter.builder().name("maml_qkd_eavesdropper_detected_total")
            .help("QKD exchanges whose error rate revealed an eavesdropper.").withoutExemplars().register(registry);
    private final Counter sealedBytes = Counter.builder().name("maml_sealed_bytes_total")
            .help("Plaintext bytes sealed with quad-aes-256-gcm by runs.").withoutExemplars().register(registry);
    private final Counter lintFindings = Counter.builder().name("maml_lint_findings_total")
            .help("Findings of POST /lint by severity.").labelNames("severity").withoutExemplars().register(registry);
    private final Counter httpRequests = Counter.builder().name("maml_http_requests_total")
            .help("HTTP requests by route template and status code.").labelNames("route", "code")
            .withoutExemplars().register(registry);
    private final Histogram httpSeconds = Histogram.builder().name("maml_http_request_duration_seconds")
            .help("Time from a request's arrival to its answer, by route template.").labelNames("route")
            .classicOnly().withoutExemplars().register(registry);

    public ServerMetrics() {
        JvmMetrics.builder().register(registry);
    }

    /** What a run found: its outcome, its steps' times, its QKD statistics and the bytes it sealed. */
    public void run(RunResult result) {
        ObjectNode json = result.result();
        String type = json.path("type").asString("");
        int code = result.exitCode();
        runs.labelValues(TYPES.contains(type) ? type : "other",
                code >= 0 && code < STATUSES.size() ? STATUSES.get(code) : "error").inc();
        for (StepRecord step : result.report().steps()) {
            stepSeconds.labelValues(stepLabel(step.name())).observe(step.millis() / 1000.0);
        }
        JsonNode qkd = json.path("qkd");
        if (qkd.path("qber").isNumber()) {
            qber.observe(qkd.path("qber").asDouble());
        }
        if (qkd.path("eve_detected").asBoolean(false)) {
            eavesdropper.inc();
        }
        JsonNode sealed = json.path("heads").path("plaintext_bytes");
        if (sealed.isIntegralNumber()) {
            sealedBytes.inc(sealed.asLong());
        }
    }

    private static String stepLabel(String name) {
        String step = name.startsWith("code_block.") ? "code_block" : name;
        return STEPS.contains(step) ? step : "other";
    }

    /** The findings one lint answered. */
    public void lint(List<Diagnostic> findings) {
        findings.forEach(d -> lintFindings.labelValues(d.severity().label()).inc());
    }

    /** One answered HTTP request. @param route a route template or {@code other}, never a raw path */
    public void http(String route, int status, double seconds) {
        httpRequests.labelValues(route, Integer.toString(status)).inc();
        httpSeconds.labelValues(route).observe(seconds);
    }

    /** The text exposition format's content type. */
    public String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }

    /** Writes every metric in the Prometheus text exposition format. */
    public void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }
}
