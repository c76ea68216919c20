package dev.maml.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.run.Identity;
import dev.maml.server.auth.TokenAuthenticator;
import dev.maml.server.testing.Exposition;
import dev.maml.server.testing.RunningServer;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A servlet mounted beside the routes (the MCP endpoint will be one) gets the same authentication,
 * identity attribute, metrics and error shape; a stop lets a request under way finish.
 */
class ServeMountTest {

    private static final String TOKEN = "mount-token";

    @TempDir
    Path root;
    @TempDir
    Path receipts;

    /**
     * Answers with the caller's identity; {@code ?async} answers asynchronously, {@code ?fail} throws as a
     * buggy servlet would, {@code ?wait} blocks until released.
     */
    private static final class Probe extends HttpServlet {
        private static final long serialVersionUID = 1L;
        final transient CountDownLatch entered = new CountDownLatch(1);
        final transient CountDownLatch release = new CountDownLatch(1);

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if ("fail".equals(request.getQueryString())) {
                throw new IllegalStateException("a bug at /secret/internal/path");
            }
            if ("async".equals(request.getQueryString())) {
                AsyncContext async = request.startAsync();
                async.start(() -> {
                    try {
                        async.getResponse().getWriter().print("async " + request.getAttribute(AuthFilter.IDENTITY));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    async.complete();
                });
                return;
            }
            if ("wait".equals(request.getQueryString())) {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            response.setContentType("text/plain");
            response.getWriter().print(((Identity) request.getAttribute(AuthFilter.IDENTITY)).uri());
        }
    }

    private ServeSettings.Builder settings() {
        return RunningServer.settings(root, receipts).authenticator(new TokenAuthenticator(List.of(
                new TokenAuthenticator.Entry(HexFormat.of().parseHex(TokenAuthenticator.sha256Hex(TOKEN)),
                        Identity.parse("agent://mcp-client").orElseThrow()))));
    }

    @Test
    void aMountedServletIsAuthenticatedCountedAndItsBugsAreA500WithoutDetails() throws Exception {
        Probe probe = new Probe();
        try (RunningServer server = RunningServer.start(settings().build(), s -> s.mount("/mcp", probe))) {
            assertEquals(401, server.get("/mcp").statusCode());
            HttpResponse<String> ok = server.get("/mcp", "Authorization", "Bearer " + TOKEN);
            assertEquals(200, ok.statusCode());
            assertEquals("agent://mcp-client", ok.body());

            assertEquals("async agent://mcp-client", server.get("/mcp?async", "Authorization", "Bearer " + TOKEN).body());

            HttpResponse<String> bug = server.get("/mcp?fail", "Authorization", "Bearer " + TOKEN);
            assertEquals(500, bug.statusCode(), bug.body());
            assertEquals("internal_error", Json.MAPPER.readTree(bug.body()).path("error").path("code").asString());
            assertFalse(bug.body().contains("secret") || bug.body().contains("IllegalState"), bug.body());
            assertEquals(200, server.get("/health").statusCode());

            server.awaitLog(5);
            Exposition metrics = Exposition.parse(server.get("/metrics").body());
            assertEquals(1, metrics.value("maml_http_requests_total", "route", "/mcp", "code", "401"));
            assertEquals(2, metrics.value("maml_http_requests_total", "route", "/mcp", "code", "200"));
            assertEquals(1, metrics.value("maml_http_requests_total", "route", "/mcp", "code", "500"));
            assertThrows(IllegalStateException.class, () -> server.server().mount("/late", new Probe()));
        }
    }

    /**
     * A start that fails with an exception without a message (a servlet's bare {@code ServletException()}
     * at init, as a bare BindException would) names the exception's kind on one line, never "null".
     */
    @Test
    void aStartFailureWithoutAMessageIsNamedNotNull() {
        HttpServlet broken = new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            public void init() throws ServletException {
                throw new ServletException();
            }
        };
        IOException refused = assertThrows(IOException.class,
                () -> RunningServer.start(settings().build(), s -> s.mount("/mcp", broken)).close());
        assertTrue(refused.getMessage().startsWith("cannot listen on 127.0.0.1:0: "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith(": ServletException"), refused.getMessage());
        assertFalse(refused.getMessage().contains("null"), refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count(), refused.getMessage());
    }

    @Test
    void aStopLetsARequestUnderWayFinish() throws Exception {
        Probe probe = new Probe();
        RunningServer server = RunningServer.start(settings().build(), s -> s.mount("/mcp", probe));
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return server.get("/mcp?wait", "Authorization", "Bearer " + TOKEN);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(probe.entered.await(30, TimeUnit.SECONDS));
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                server.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertFalse(stopping.isDone(), "the stop waits for the request under way");
        probe.release.countDown();
        HttpResponse<String> answer = slow.get(30, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode());
        assertEquals("agent://mcp-client", answer.body());
        stopping.get(30, TimeUnit.SECONDS);
    }
}
