package dev.maml.server.testing;

import dev.maml.server.http.MamlHttpServer;
import dev.maml.server.http.ServeSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A `maml serve` server for a test: 127.0.0.1 on a free port, its log lines kept, stopped by
 * {@link #close()}; with small HTTP helpers (every call times out).
 */
public final class RunningServer implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MamlHttpServer server;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private RunningServer(ServeSettings settings, Consumer<MamlHttpServer> beforeStart) throws IOException {
        server = new MamlHttpServer(settings, log::add);
        beforeStart.accept(server);
        server.start();
    }

    /** Starts a server with {@code settings} (whose port should be 0). */
    public static RunningServer start(ServeSettings settings) throws IOException {
        return new RunningServer(settings, s -> { });
    }

    /** Starts a server with {@code settings} after {@code beforeStart} (e.g. mounting a servlet) ran. */
    public static RunningServer start(ServeSettings settings, Consumer<MamlHttpServer> beforeStart) throws IOException {
        return new RunningServer(settings, beforeStart);
    }

    /** Settings for a test: loopback, a free port, the given --root, receipts in {@code receipts}. */
    public static ServeSettings.Builder settings(Path root, Path receipts) {
        return ServeSettings.builder(root).bind("127.0.0.1").port(0).receipts(receipts);
    }

    public MamlHttpServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    public URI uri(String path) {
        return URI.create(server.uri() + path);
    }

    /** The log lines so far. */
    public List<String> log() {
        return List.copyOf(log);
    }

    /**
     * The log once it has {@code lines} lines (a line is written when the answer is complete, which
     * may be just after the client read it); what there is after ten seconds otherwise.
     */
    public List<String> awaitLog(int lines) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (log.size() < lines && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return log();
    }

    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).GET().build());
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A request to {@code path} with header name/value pairs. */
    public HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }
}
