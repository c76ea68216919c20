package dev.maml.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.server.auth.AuthMode;
import dev.maml.server.auth.AuthOptions;
import dev.maml.server.auth.Authenticators;
import dev.maml.server.auth.TokenAuthenticator;
import dev.maml.server.testing.Demo;
import dev.maml.server.testing.PrometheusFixture;
import dev.maml.server.testing.PrometheusFixture.Job;
import dev.maml.server.testing.ServerFixture;
import dev.maml.testing.TestData;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus scrapes `maml serve` as an operator would set it up: `--auth tokens` from a
 * tokens file, `--metrics-auth`, and the scrape config of docs/serve.md with the scraper's own token
 * in a credentials file. By default /metrics needs no token (spec 11.1); with `--metrics-auth` the
 * token path is the one worth proving, since a scrape without it must fail.
 */
class PrometheusScrapeTest extends ServerFixture {

    private static final String DRONE = "drone-token-3f9a";
    private static final String STRANGER = "stranger-token-77c1";
    private static final String SCRAPER = "prometheus-token-5be0";
    private static final int RUNS = 3;
    private static final Duration SCRAPED_WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path secrets;

    @Test
    void prometheusScrapesTheRunsWithItsBearerToken() throws Exception {
        start(demoTrusted().authenticator(Authenticators.create(new AuthOptions(AuthMode.TOKENS, tokensFile(), null, Set.of(),
                AuthOptions.DEFAULT_IDENTITY_CLAIM))).metricsAuth(true));
        try (PrometheusFixture prometheus = PrometheusFixture.start(new Job("maml", server.port(), SCRAPER),
                new Job("maml-without-token", server.port(), null))) {
            prometheus.awaitScrape("maml", Instant.EPOCH, SCRAPED_WITHIN);
            assertEquals(Map.of(), runsByStatus(prometheus), "no run yet");

            for (int i = 0; i < RUNS; i++) {
                HttpResponse<String> ok = execute(DRONE);
                assertEquals(200, ok.statusCode(), ok.body());
            }
            HttpResponse<String> refused = execute(STRANGER);
            assertEquals(403, refused.statusCode(), refused.body());

            JsonNode target = prometheus.awaitScrape("maml", Instant.now(), SCRAPED_WITHIN);
            assertEquals("up", target.path("health").asString(), target.toString());
            assertEquals("", target.path("lastError").asString(), target.toString());
            assertEquals(Map.of("ok", (double) RUNS, "refused", 1.0), runsByStatus(prometheus));
            assertEquals(1.0, onlyValue(prometheus.query("up{job=\"maml\"}")));

            JsonNode withoutToken = prometheus.awaitScrape("maml-without-token", Instant.EPOCH, SCRAPED_WITHIN);
            assertEquals("down", withoutToken.path("health").asString(), withoutToken.toString());
            assertTrue(withoutToken.path("lastError").asString().contains("401"), withoutToken.toString());
            assertEquals(0.0, onlyValue(prometheus.query("up{job=\"maml-without-token\"}")));
        }
    }

    @Test
    void theDocumentedScrapeConfigIsTheOneTested() throws Exception {
        String docs = Files.readString(TestData.repositoryRoot().resolve("docs/serve.md"));
        String operator = "scrape_configs:\n"
                + PrometheusFixture.scrapeJob("maml", "127.0.0.1:8000", "15s", "/etc/prometheus/maml.token");
        assertTrue(docs.contains("```yaml\n" + operator + "```\n"), "docs/serve.md should show:\n" + operator);
    }

    /** The tokens file an operator writes: digests only, one identity per caller, Prometheus included. */
    private Path tokensFile() throws Exception {
        StringBuilder yaml = new StringBuilder("tokens:\n");
        Map.of(DRONE, "agent://drone-security", STRANGER, "agent://stranger", SCRAPER, "agent://prometheus")
                .forEach((token, identity) -> yaml.append("  - sha256: ").append(TokenAuthenticator.sha256Hex(token))
                        .append("\n    identity: ").append(identity).append('\n'));
        return Files.writeString(secrets.resolve("tokens.yaml"), yaml);
    }

    private HttpResponse<String> execute(String token) throws Exception {
        return server.post("/execute", "text/markdown", Demo.document(), "Authorization", "Bearer " + token);
    }

    /** maml_runs_total as Prometheus stored it from this server, by status; every run was the demo's type. */
    private Map<String, Double> runsByStatus(PrometheusFixture prometheus) throws Exception {
        Map<String, Double> byStatus = new TreeMap<>();
        for (JsonNode series : prometheus.query("maml_runs_total{job=\"maml\"}")) {
            JsonNode labels = series.path("metric");
            assertEquals("security_workflow", labels.path("type").asString(), series.toString());
            assertEquals("127.0.0.1:" + server.port(), labels.path("instance").asString(), series.toString());
            assertFalse(byStatus.containsKey(labels.path("status").asString()), series.toString());
            byStatus.put(labels.path("status").asString(), Double.parseDouble(series.path("value").path(1).asString()));
        }
        return byStatus;
    }

    private static double onlyValue(JsonNode result) {
        assertEquals(1, result.size(), result.toString());
        return Double.parseDouble(result.path(0).path("value").path(1).asString());
    }
}
