package dev.maml.server.testing;

import dev.maml.report.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An MCP server's stdio seen line by line, as a test drives it: raw lines in (malformed ones too),
 * JSON-RPC messages out, every line the server wrote kept so a test can check that each was a
 * protocol message. Works on a child process ({@link McpProcess}) or on streams in-process.
 */
public class McpWire implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final OutputStream toServer;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> written = new ArrayList<>();
    private final Thread reader;
    private volatile boolean ended;
    private int nextId = 1;

    public McpWire(OutputStream toServer, InputStream fromServer) {
        this.toServer = toServer;
        this.reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The server went away; the test sees the missing answer.
            } finally {
                ended = true;
            }
        }, "mcp-wire-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends one raw line (a newline is added). */
    public void send(String line) {
        try {
            toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            toServer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next message the server wrote, parsed; fails the test after the timeout. */
    public JsonNode next() {
        try {
            String line = lines.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new AssertionError("no message from the server within " + TIMEOUT + (ended ? " (it closed its output)" : ""));
            }
            synchronized (written) {
                written.add(line);
            }
            return Json.MAPPER.readTree(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends a request and returns the response to it (messages in between, notifications, are skipped). */
    public JsonNode request(String method, ObjectNode params) {
        int id = nextId++;
        ObjectNode message = Json.object().put("jsonrpc", "2.0").put("id", id).put("method", method);
        message.set("params", params);
        send(Json.compact(message));
        return responseTo(id);
    }

    /** The response with this id. */
    public JsonNode responseTo(int id) {
        while (true) {
            JsonNode m = next();
            if (m.path("id").isNumber() && m.get("id").asInt() == id && !m.has("method")) {
                return m;
            }
        }
    }

    /** initialize + notifications/initialized; returns the initialize result. */
    public JsonNode initialize() {
        ObjectNode params = Json.object().put("protocolVersion", "2025-06-18");
        params.putObject("capabilities");
        params.putObject("clientInfo").put("name", "maml-tests").put("version", "1");
        JsonNode result = request("initialize", params).get("result");
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return result;
    }

    /** tools/call; returns the result (or the error response when there is no result). */
    public JsonNode call(String tool, ObjectNode arguments) {
        JsonNode response = request("tools/call", Json.object().put("name", tool).set("arguments", arguments));
        return response.has("result") ? response.get("result") : response;
    }

    /** Every line read so far. */
    public List<String> written() {
        synchronized (written) {
            return List.copyOf(written);
        }
    }

    /** Closes the server's input: a stdio server then ends. */
    public void endInput() {
        try {
            toServer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads what the server still writes until it closes its output (at most the timeout). */
    public List<String> drain() throws InterruptedException {
        reader.join(TIMEOUT.toMillis());
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        synchronized (written) {
            written.addAll(rest);
        }
        return rest;
    }

    @Override
    public void close() throws Exception {
        try {
            toServer.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
