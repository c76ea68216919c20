package dev.maml.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.server.mcp.McpConfig;
import dev.maml.server.mcp.McpServers;
import dev.maml.server.testing.RawHttp;
import dev.maml.server.testing.RunningServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop while an MCP client holds its event stream open: the stream ends at once (its client sees
 * the end of the response), requests under way still finish, and the stop is done well within its
 * 30 s bound instead of waiting all of it. When a stop does go wrong, its message says what.
 */
class StopWithEventStreamTest {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    /** The end of a chunked response: the last chunk, of length 0. */
    private static final String LAST_CHUNK = "\r\n0\r\n\r\n";
    /** A correctness bound well under the 30 s graceful bound, not a performance goal. */
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    @TempDir
    Path root;
    @TempDir
    Path receipts;

    private final Slow slow = new Slow();
    private McpServers mcp;
    private RawHttp stream;
    private RunningServer running;

    /** A POST that blocks until released: a request under way when the stop begins. */
    private static final class Slow extends HttpServlet {
        private static final long serialVersionUID = 1L;
        final transient CountDownLatch entered = new CountDownLatch(1);
        final transient CountDownLatch release = new CountDownLatch(1);

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            entered.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            response.setContentType("text/plain");
            response.getWriter().print("finished");
        }
    }

    private RunningServer started(RunningServer server) {
        running = server;
        return server;
    }

    @AfterEach
    void release() throws IOException {
        slow.release.countDown();
        if (running != null) {
            try {
                running.close(); // a stop already made is not made again
            } catch (IOException alreadyReported) {
                // The test that makes a stop fail has checked its message.
            }
        }
        if (stream != null) {
            stream.close();
        }
        if (mcp != null) {
            mcp.close();
        }
    }

    @Test
    void aStopEndsAnIdleEventStreamAtOnceAndLetsARequestUnderWayFinish() throws Exception {
        mcp = new McpServers(McpConfig.of(root, null, List.of()));
        ServeSettings settings = RunningServer.settings(root, receipts).build();
        assertEquals(Duration.ofSeconds(30), settings.stopTimeout(), "the default graceful bound");
        RunningServer server = started(RunningServer.start(settings,
                s -> s.mount("/mcp", mcp.http(List.of(), List.of())).mount("/slow", slow)));

        stream = new RawHttp(server.port(), 1000);
        stream.send("GET /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nAccept: text/event-stream\r\n"
                + "Mcp-Session-Id: " + session(server) + "\r\n\r\n");
        String head = stream.readAll();
        assertTrue(head.startsWith("HTTP/1.1 200") && head.contains("text/event-stream"), head);
        assertFalse(stream.closedByServer(), "the stream stays open while idle");

        CompletableFuture<HttpResponse<String>> underWay = CompletableFuture.supplyAsync(() -> {
            try {
                return server.send(server.request("/slow").POST(HttpRequest.BodyPublishers.ofString("x")).build());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        assertTrue(slow.entered.await(30, TimeUnit.SECONDS));

        long began = System.nanoTime();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String rest = readUntilEnded(stream);
        assertTrue(rest.endsWith(LAST_CHUNK) || stream.closedByServer(), "the client sees its stream end: " + rest);
        assertFalse(stopping.isDone(), "the stop still waits for the request under way");

        slow.release.countDown();
        HttpResponse<String> answer = underWay.get(30, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode());
        assertEquals("finished", answer.body());
        stopping.get(30, TimeUnit.SECONDS); // no exception: the stop went cleanly
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertTrue(took.compareTo(PROMPTLY) < 0, "the stop took " + took.toMillis() + " ms");
    }

    @Test
    void aStopCuttingARequestOffSaysSoAndNeverNull() throws Exception {
        RunningServer server = started(RunningServer.start(RunningServer.settings(root, receipts)
                .stopTimeout(Duration.ofSeconds(1)).build(), s -> s.mount("/slow", slow)));
        CompletableFuture<HttpResponse<String>> underWay = CompletableFuture.supplyAsync(() -> {
            try {
                return server.send(server.request("/slow").POST(HttpRequest.BodyPublishers.ofString("x")).build());
            } catch (IOException | InterruptedException e) {
                return null; // cut off by the stop, which is what this test makes happen
            }
        });
        assertTrue(slow.entered.await(30, TimeUnit.SECONDS));
        IOException failure = assertThrows(IOException.class, server::close);
        String message = failure.getMessage();
        assertTrue(message.startsWith("stopping the server: "), message);
        assertFalse(message.contains("null"), message);
        assertTrue(message.contains("under way after 1 s"), message);
        slow.release.countDown();
        underWay.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aFailureWithoutAMessageIsNamedByItsCauseOrItsClass() {
        Duration bound = Duration.ofSeconds(30);
        assertEquals("java.lang.IllegalStateException", StopFailure.describe(new IllegalStateException(), bound));
        // Wrappers without words of their own, as Jetty's stop may throw.
        assertEquals("port closed", StopFailure.describe(new RuntimeException(null, new IOException("port closed")), bound));
        assertEquals("java.lang.NullPointerException",
                StopFailure.describe(new RuntimeException(null, new NullPointerException()), bound));
        assertEquals("requests still under way after 30 s were cut off",
                StopFailure.describe(new TimeoutException(), bound));
        assertEquals("java.lang.Exception", StopFailure.describe(new Exception(" "), bound));
    }

    /** A new MCP session (initialize over POST); its id. */
    private static String session(RunningServer server) throws Exception {
        HttpResponse<String> answer = server.send(server.request("/mcp").header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    /** What the stream's client reads until its response ended or the connection closed (at most {@link #PROMPTLY}). */
    private static String readUntilEnded(RawHttp stream) throws IOException {
        StringBuilder got = new StringBuilder();
        long deadline = System.nanoTime() + PROMPTLY.toNanos();
        while (System.nanoTime() < deadline && !got.toString().endsWith(LAST_CHUNK) && !stream.closedByServer()) {
            got.append(stream.readAll());
        }
        return got.toString();
    }
}
