package dev.maml.server.http;

import dev.maml.report.Printable;
import dev.maml.server.metrics.ServerMetrics;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

/**
 * Once a request is answered, whatever answered it (a route, the size or concurrency limit, the
 * error handler, or Jetty's parser refusing a malformed request before any handler saw it), one log
 * line and the HTTP metrics: Jetty calls its request log for every one of them. The line escapes control
 * characters and cuts a long path, so a client cannot forge or flood log lines.
 */
final class RequestObserver implements RequestLog {

    private static final int MAX_PATH = 200;

    private final RouteTable routes;
    private final ServerMetrics metrics;
    private final Consumer<String> log;

    RequestObserver(RouteTable routes, ServerMetrics metrics, Consumer<String> log) {
        this.routes = routes;
        this.metrics = metrics;
        this.log = log;
    }

    @Override
    public void log(Request request, Response response) {
        int status = response.getStatus();
        double seconds = (System.nanoTime() - request.getBeginNanoTime()) / 1e9;
        String path = request.getHttpURI().getPath();
        metrics.http(routes.of(path == null ? "" : path), status, seconds);
        String shown = path == null ? "" : path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "..." : path;
        log.accept(Printable.line("maml serve: " + Request.getRemoteAddr(request) + " \"" + request.getMethod() + " "
                + shown + "\" " + status + " " + Math.round(seconds * 1000) + " ms"));
    }
}
