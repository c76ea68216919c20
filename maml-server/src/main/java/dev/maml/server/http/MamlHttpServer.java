package dev.maml.server.http;

import dev.maml.io.FailureText;
import dev.maml.server.auth.NoAuthentication;
import dev.maml.server.metrics.ServerMetrics;
import dev.maml.server.receipts.RunOutputs;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * `maml serve` (spec 11.1): embedded Jetty 12.1 with the routes of the spec's table. From the
 * outside in: graceful stop (SIGTERM ends the event streams of mounted servlets and lets requests under
 * way finish, up to {@link ServeSettings#stopTimeout()}), the bound on event streams ({@link StreamLimit}), the concurrency
 * limit (503 with Retry-After; /health and /metrics are exempt so probes still answer under load, and
 * event streams, which have their own bound), the body size limit (413), then the servlet context: authentication for every path
 * ({@link AuthFilter}), the routes, and any servlet {@link #mount mounted} beside them, which gets
 * the same authentication, limits, log and metrics. Slow clients are cut off by the idle timeout and
 * the {@link TrickleGuard}. Every answer, malformed requests included, gets a log line and the HTTP
 * metrics ({@link RequestObserver}).
 */
public final class MamlHttpServer implements AutoCloseable {

    private static final String HEALTH = "/health";
    private static final String METRICS = "/metrics";
    /** How long a request over --max-concurrent waits for a slot before it is answered 503. */
    private static final Duration QUEUE_WAIT = Duration.ofSeconds(5);

    private final ServeSettings settings;
    private final Consumer<String> log;
    private final ServerMetrics metrics = new ServerMetrics();
    private final RouteTable routes = new RouteTable();
    private final Map<String, HttpServlet> mounted = new LinkedHashMap<>();
    private final EventStreams eventStreams = new EventStreams();
    private Server server;
    private ServerConnector connector;
    private PostedDocuments documents;
    private boolean stopped;

    /** A server logging its requests to standard error. */
    public MamlHttpServer(ServeSettings settings) {
        this(settings, System.err::println);
    }

    /** @param log receives one line per request (already escaped) */
    public MamlHttpServer(ServeSettings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
    }

    /**
     * Serves {@code servlet} at {@code pathSpec} ({@code /mcp} or {@code /mcp/*}) behind the same
     * authentication, limits, log and metrics as the routes; its metrics route label is the path spec.
     * The caller's identity is the request attribute {@link AuthFilter#IDENTITY}. A GET of it is taken
     * for a long-lived event stream, as MCP's streamable HTTP makes one: it is bounded by --max-streams,
     * not --max-concurrent, and a {@link #stop()} ends it first instead of waiting for it.
     *
     * @throws IllegalStateException after {@link #start()}
     */
    public MamlHttpServer mount(String pathSpec, HttpServlet servlet) {
        if (server != null) {
            throw new IllegalStateException("mount before start");
        }
        mounted.put(pathSpec, servlet);
        return this;
    }

    /**
     * Every route the server answers once {@link #start() started}, mounted servlets included: its path
     * template ({@code /receipts/{name}}) with its methods. What /openapi.json must describe.
     */
    public Map<String, Set<String>> routes() {
        return routes.methods();
    }

    /** The server's metrics (what GET /metrics exposes). */
    public ServerMetrics metrics() {
        return metrics;
    }

    /**
     * Where /execute's runs write (the --receipts store, and the directory for sealed payloads), for
     * a mounted servlet that runs documents too (MCP), so that both make one chain per document.
     * Opens the store now when {@link #start()} has not; {@link #stop()} closes it, or
     * {@link #close()} when the server never started.
     *
     * @throws IOException as {@link #start()} does for --bind, the key files, --root and --receipts
     */
    public RunOutputs runOutputs() throws IOException {
        return open().outputs();
    }

    /**
     * Starts listening.
     *
     * @throws IOException with a message for the operator: --bind not loopback without authentication,
     *                     no --root directory, missing key files, the port in use
     */
    public void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        open();
        server = build();
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly();
            // Jetty wraps what failed (the BindException of a port in use): the cause says what happened.
            throw new IOException("cannot listen on " + settings.bind() + ":" + settings.port() + ": "
                    + FailureText.of(e.getCause() != null ? e.getCause() : e), e);
        }
    }

    /** The port listened on (the chosen one when {@link ServeSettings#port()} was 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://HOST:PORT} as clients reach it. */
    public URI uri() {
        String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
        return URI.create("http://" + host + ":" + port());
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    /**
     * Stops gracefully: event streams of mounted servlets end at once ({@link EventStreams}), no new
     * connections, requests under way finish (up to the stop timeout). Idempotent.
     *
     * @throws IOException when the stop did not go cleanly (requests still under way at the stop timeout,
     *                     a component failing to stop); its message says what, never just "null"
     */
    public synchronized void stop() throws IOException {
        if (server == null || stopped) {
            return;
        }
        stopped = true;
        eventStreams.endAll();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IOException("stopping the server: " + StopFailure.describe(e, settings.stopTimeout()), e);
        } finally {
            documents.close();
        }
    }

    /** {@link #stop()}; before {@link #start()}, closes the receipt store {@link #runOutputs()} opened. */
    @Override
    public synchronized void close() throws IOException {
        if (server == null) {
            closeDocuments();
            return;
        }
        stop();
    }

    private void checkBind() throws IOException {
        if (!(settings.authenticator() instanceof NoAuthentication)) {
            return;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(settings.bind());
        } catch (UnknownHostException e) {
            throw new IOException("--bind " + settings.bind() + ": unknown host");
        }
        if (!address.isLoopbackAddress()) {
            throw new IOException("--bind " + settings.bind() + " with --auth none would let anyone on the network run"
                    + " documents as agent://local; bind 127.0.0.1, or use --auth tokens or --auth oidc");
        }
    }

    private void checkFiles() throws IOException {
        for (Path key : settings.trust()) {
            if (!Files.isRegularFile(key)) {
                throw new IOException("--trust " + key + ": no such file");
            }
        }
        Path key = settings.key();
        if (key != null && !Files.isRegularFile(key)) {
            throw new IOException("--key " + key + ": no such file");
        }
    }

    private Server build() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("maml-serve");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(settings.bind());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        connector.addEventListener(new TrickleGuard(jetty.getScheduler(), settings.requestTimeout()));
        jetty.addConnector(connector);
        jetty.setErrorHandler(new JsonErrorHandler(settings.maxBody()));
        jetty.setStopTimeout(settings.stopTimeout().toMillis());

        SizeLimitHandler size = new SizeLimitHandler(settings.maxBody(), -1);
        size.setHandler(context());
        QoSHandler limit = new QoSHandler(size);
        limit.setMaxRequestCount(settings.maxConcurrent());
        // A short queue absorbs a burst; beyond it (or after waiting) a request is answered 503 at once.
        limit.setMaxSuspendedRequestCount(settings.maxConcurrent());
        limit.setMaxSuspend(QUEUE_WAIT);
        limit.excludePath(HEALTH, METRICS);
        jetty.setRequestLog(new RequestObserver(routes, metrics, log));
        jetty.setHandler(new GracefulHandler(streams(limit)));
        return jetty;
    }

    /**
     * A GET of a mounted servlet is a long-lived event stream (MCP's GET /mcp): it leaves the run
     * limit for a bound of its own, --max-streams ({@link StreamLimit}).
     */
    private Handler streams(QoSHandler limit) {
        if (mounted.isEmpty()) {
            return limit; // a StreamLimit without conditions would take in every request
        }
        StreamLimit streams = new StreamLimit(settings.maxStreams());
        streams.setHandler(limit);
        for (String spec : mounted.keySet()) {
            PathSpec path = PathSpec.from(spec);
            Predicate<Request> stream = request -> "GET".equals(request.getMethod())
                    && path.matches(Request.getPathInContext(request));
            limit.exclude(stream);
            streams.include(stream);
        }
        return streams;
    }

    private ServletContextHandler context() {
        ServletContextHandler context = new ServletContextHandler("/");
        context.setErrorHandler(new JsonErrorHandler(settings.maxBody()));
        Set<String> open = new HashSet<>(Set.of(HEALTH, ResourceMetadata.WELL_KNOWN,
                ResourceMetadata.WELL_KNOWN + ResourceMetadata.MCP));
        if (!settings.metricsAuth()) {
            open.add(METRICS);
        }
        ResourceMetadata metadata = new ResourceMetadata(settings.publicUrl());
        Optional<URI> issuer = settings.authenticator().authorizationServer();
        FilterHolder auth = new FilterHolder(new AuthFilter(settings.authenticator(), open,
                issuer.isPresent() ? metadata : null));
        auth.setAsyncSupported(true);
        context.addFilter(auth, "/*", EnumSet.of(DispatcherType.REQUEST));
        for (String spec : mounted.keySet()) {
            FilterHolder streams = new FilterHolder(eventStreams);
            streams.setAsyncSupported(true);
            context.addFilter(streams, spec, EnumSet.of(DispatcherType.REQUEST));
        }
        route(context, "/execute", "/execute", new ExecuteRoute(documents, metrics));
        route(context, "/lint", "/lint", new LintRoute(documents, metrics));
        route(context, "/verify", "/verify", new VerifyRoute(documents, metrics));
        route(context, "/receipts/*", "/receipts/{name}", new ReceiptRoute(documents.receipts()));
        route(context, "/receipts", "/receipts", new ReceiptChainRoute(documents.receipts()));
        route(context, METRICS, METRICS, new MetricsRoute(metrics));
        route(context, HEALTH, HEALTH, new HealthRoute());
        route(context, OpenApiRoute.PATH, OpenApiRoute.PATH, new OpenApiRoute());
        if (issuer.isPresent()) {
            route(context, ResourceMetadata.WELL_KNOWN, ResourceMetadata.WELL_KNOWN,
                    new ProtectedResourceRoute(issuer.get(), metadata));
            route(context, ResourceMetadata.WELL_KNOWN + "/*", ResourceMetadata.WELL_KNOWN + "/{resource}",
                    new ProtectedResourceRoute(issuer.get(), metadata));
        }
        mounted.forEach((spec, servlet) -> route(context, spec, spec, servlet));
        context.addServlet(new ServletHolder(new NotFoundRoute(routes)), "/");
        return context;
    }

    private void route(ServletContextHandler context, String pathSpec, String template, HttpServlet servlet) {
        ServletHolder holder = new ServletHolder(servlet);
        // A mounted servlet may answer asynchronously (MCP's streamable HTTP keeps SSE streams open).
        holder.setAsyncSupported(true);
        context.addServlet(holder, pathSpec);
        routes.add(pathSpec, template, servlet);
    }

    /**
     * The posted documents' engine and receipt store, opened on first use after the settings were
     * checked: a server refused for its --bind or key files creates no --receipts and opens no database.
     */
    private PostedDocuments open() throws IOException {
        if (documents == null) {
            checkBind();
            checkFiles();
            documents = PostedDocuments.open(settings);
        }
        return documents;
    }

    /** Closes what {@link #open()} opened before the server could start (its holding directory, the store). */
    private void closeDocuments() throws IOException {
        if (documents != null) {
            PostedDocuments opened = documents;
            documents = null;
            opened.close();
        }
    }

    private void stopQuietly() {
        stopped = true;
        try {
            server.stop();
        } catch (Exception ignored) {
            // Starting failed already; that failure is the one reported.
        }
        try {
            documents.close();
        } catch (IOException ignored) {
            // Same: the start failure is what the operator needs to see.
        }
    }
}
