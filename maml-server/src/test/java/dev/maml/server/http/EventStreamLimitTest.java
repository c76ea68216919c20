package dev.maml.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.server.mcp.McpConfig;
import dev.maml.server.mcp.McpServers;
import dev.maml.server.testing.Documents;
import dev.maml.server.testing.RawHttp;
import dev.maml.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MCP's event streams (GET /mcp with a session: a server-sent-event stream that stays open, idle)
 * take none of the --max-concurrent slots, so idle clients cannot starve /lint and /execute; and
 * their number is bounded by --max-streams, so an attacker cannot open streams without end.
 */
class EventStreamLimitTest {

    private static final int MAX_CONCURRENT = 2;
    private static final int MAX_STREAMS = 3;
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    @TempDir
    Path root;
    @TempDir
    Path receipts;

    private final List<RawHttp> streams = new ArrayList<>();
    private McpServers mcp;
    private RunningServer server;

    @AfterEach
    void stop() throws Exception {
        for (RawHttp stream : streams) {
            stream.close();
        }
        server.close(); // ends the open streams first, so it does not wait for them (StopWithEventStreamTest)
        mcp.close();
    }

    @Test
    void idleStreamsLeaveTheRunSlotsFreeAndTheirNumberIsBounded() throws Exception {
        mcp = new McpServers(McpConfig.of(root, null, List.of()));
        server = RunningServer.start(RunningServer.settings(root, receipts).maxConcurrent(MAX_CONCURRENT)
                .maxStreams(MAX_STREAMS).build(), s -> s.mount("/mcp", mcp.http(List.of(), List.of())));

        // More idle streams than there are run slots: each is open (its 200 and event-stream headers came).
        for (int i = 0; i < MAX_STREAMS; i++) {
            String head = openStream(session());
            assertTrue(head.startsWith("HTTP/1.1 200") && head.contains("text/event-stream"), head);
        }
        HttpResponse<String> lint = server.post("/lint", "text/markdown", Documents.quantum());
        assertEquals(200, lint.statusCode(), "a lint is not kept waiting by idle streams: " + lint.body());
        HttpResponse<String> run = server.post("/execute", "text/markdown", Documents.quantum());
        assertEquals(200, run.statusCode(), run.body());

        // One stream more than --max-streams is refused at once, and the other routes still answer.
        String refused = openStream(session());
        assertTrue(refused.startsWith("HTTP/1.1 503"), refused);
        assertTrue(refused.contains("Retry-After: " + JsonErrorHandler.RETRY_AFTER), refused);
        assertTrue(refused.contains("\"code\":\"overloaded\"") && refused.contains("--max-streams"), refused);
        assertEquals(200, server.post("/lint", "text/markdown", Documents.quantum()).statusCode());
        assertEquals(200, server.get("/health").statusCode());
    }

    /** A new MCP session (initialize over POST, which is an ordinary short request); its id. */
    private String session() throws Exception {
        HttpResponse<String> answer = server.send(server.request("/mcp").header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    /** Opens the session's event stream on a connection of its own, left open; what arrived within a second. */
    private String openStream(String session) throws Exception {
        RawHttp stream = new RawHttp(server.port(), 1000);
        streams.add(stream);
        stream.send("GET /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nAccept: text/event-stream\r\n"
                + "Mcp-Session-Id: " + session + "\r\n\r\n");
        return stream.readAll();
    }
}
