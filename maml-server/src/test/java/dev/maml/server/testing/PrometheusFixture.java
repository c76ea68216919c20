package dev.maml.server.testing;

import dev.maml.io.PrivateDirectory;
import dev.maml.report.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus (the {@code prometheus} program, Debian's package in CI) on loopback, scraping
 * `maml serve` every second with the scrape config docs/serve.md shows (see {@link #scrapeJob});
 * tests read what it stored through its HTTP API. Skipped without the program, except under CI=true
 * ({@link RequiredProgram}). Closing it stops Prometheus and removes its configuration and storage.
 */
public final class PrometheusFixture implements AutoCloseable {

    /**
     * One scrape job: GET /metrics of the server on 127.0.0.1:{@code port}, sending {@code token} as
     * a bearer token (from a credentials file, as an operator configures it), or no token when null.
     */
    public record Job(String name, int port, @Nullable String token) {
    }

    private static final String PURPOSE = "the tests against a real Prometheus";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);
    /** Another program may take the free port between our probe and Prometheus's bind. */
    private static final int ATTEMPTS = 3;
    private static final String SCRAPE_INTERVAL = "1s";

    private final PrivateDirectory dir;
    private final ChildProcess prometheus;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

    private PrometheusFixture(PrivateDirectory dir, ChildProcess prometheus, URI base) {
        this.dir = dir;
        this.prometheus = prometheus;
        this.base = base;
    }

    /** Starts Prometheus scraping {@code jobs} and waits until it is ready (/-/ready). */
    public static PrometheusFixture start(Job... jobs) throws Exception {
        RequiredProgram.check(PURPOSE, "prometheus", "--version");
        PrivateDirectory dir = PrivateDirectory.create("maml-prometheus-");
        try {
            Path config = Files.writeString(dir.path().resolve("prometheus.yml"), config(dir.path(), jobs));
            for (int attempt = 1; ; attempt++) {
                int port = freePort();
                Path storage = dir.path().resolve("data-" + attempt);
                ChildProcess process = ChildProcess.start(dir.path(), dir.path().resolve("prometheus-" + attempt + ".log"),
                        List.of("prometheus", "--config.file=" + config, "--storage.tsdb.path=" + storage,
                                "--web.listen-address=127.0.0.1:" + port));
                PrometheusFixture fixture = new PrometheusFixture(dir, process, URI.create("http://127.0.0.1:" + port));
                boolean ready;
                try {
                    ready = fixture.awaitReady(storage);
                } catch (IOException | InterruptedException e) {
                    process.close();
                    throw e;
                }
                if (ready) {
                    return fixture;
                }
                String log = process.stderr();
                process.close();
                if (attempt == ATTEMPTS) {
                    throw new IOException("prometheus did not become ready on 127.0.0.1:" + port + " (attempt " + attempt
                            + "); its log:\n" + log);
                }
            }
        } catch (Exception e) {
            dir.close();
            throw e;
        }
    }

    /**
     * One job of a Prometheus scrape config, as docs/serve.md shows it.
     *
     * @param credentialsFile the file holding the bearer token; null for no authorization block
     */
    public static String scrapeJob(String name, String target, String interval, @Nullable String credentialsFile) {
        return "  - job_name: " + name + "\n"
                + "    scrape_interval: " + interval + "\n"
                + "    metrics_path: /metrics\n"
                + (credentialsFile == null ? "" : "    authorization:\n      credentials_file: " + credentialsFile + "\n")
                + "    static_configs:\n"
                + "      - targets: [\"" + target + "\"]\n";
    }

    /** The result vector of the instant query {@code promql}, evaluated now. */
    public JsonNode query(String promql) throws IOException, InterruptedException {
        return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("result");
    }

    /** The active target of {@code job}, as /api/v1/targets reports it (health, lastError, lastScrape). */
    public @Nullable JsonNode target(String job) throws IOException, InterruptedException {
        for (JsonNode target : api("/api/v1/targets?state=active").path("activeTargets")) {
            if (job.equals(target.path("labels").path("job").asString())) {
                return target;
            }
        }
        return null;
    }

    /**
     * The target of {@code job} once the samples of a scrape that started after {@code after} are
     * stored. The API may report a scrape's start before its samples are committed, but a target's
     * scrapes run one after the other: once the next one started, that one's samples are in.
     */
    public JsonNode awaitScrape(String job, Instant after, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode scraped = awaitScrapeStarted(job, after, deadline, timeout);
        return awaitScrapeStarted(job, lastScrape(scraped), deadline, timeout);
    }

    private JsonNode awaitScrapeStarted(String job, Instant after, long deadline, Duration timeout)
            throws IOException, InterruptedException {
        JsonNode target = null;
        while (System.nanoTime() < deadline) {
            target = target(job);
            if (target != null && lastScrape(target).isAfter(after)) {
                return target;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IOException("prometheus did not scrape job " + job + " after " + after + " within " + timeout.toSeconds()
                + " s; the target: " + target + "\nits log:\n" + log());
    }

    private static Instant lastScrape(JsonNode target) {
        return OffsetDateTime.parse(target.path("lastScrape").asString()).toInstant();
    }

    /** What Prometheus logged so far, for failure messages. */
    public String log() throws IOException {
        return prometheus.stderr();
    }

    @Override
    public void close() throws IOException {
        try {
            prometheus.close();
        } finally {
            dir.close();
        }
    }

    /** The configuration file: every job scraped each second, tokens in 0600 files beside it. */
    private static String config(Path dir, Job... jobs) throws IOException {
        StringBuilder yaml = new StringBuilder("scrape_configs:\n");
        for (Job job : jobs) {
            Path credentials = null;
            if (job.token() != null) {
                credentials = Files.writeString(dir.resolve(job.name() + ".token"), job.token());
                Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
            }
            yaml.append(scrapeJob(job.name(), "127.0.0.1:" + job.port(), SCRAPE_INTERVAL,
                    credentials == null ? null : credentials.toString()));
        }
        return yaml.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /**
     * Whether this process answers /-/ready; false when it exited (the port was taken) or when
     * another Prometheus answers on the port (its storage path is not ours).
     */
    private boolean awaitReady(Path storage) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && prometheus.isAlive()) {
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return storage.toString().equals(api("/api/v1/status/flags").path("storage.tsdb.path").asString());
                }
            } catch (IOException notListeningYet) {
                // connection refused until Prometheus listens
            }
            Thread.sleep(POLL.toMillis());
        }
        if (prometheus.isAlive()) {
            throw new IOException("prometheus was not ready within " + READY_TIMEOUT.toSeconds() + " s; its log:\n" + log());
        }
        return false;
    }

    /** The {@code data} of an API answer whose status is success. */
    private JsonNode api(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        JsonNode answer = Json.MAPPER.readTree(response.body());
        if (response.statusCode() != 200 || !"success".equals(answer.path("status").asString())) {
            throw new IOException("prometheus answered " + path + " with " + response.statusCode() + ": " + response.body());
        }
        return answer.path("data");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(HTTP_TIMEOUT).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
