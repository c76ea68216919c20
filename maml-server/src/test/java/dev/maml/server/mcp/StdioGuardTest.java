package dev.maml.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The messages read from standard input, and what the guard answers itself. */
class StdioGuardTest {

    /** A notification: no answer is owed, so the end of input is not held up waiting for one. */
    private static final String NOTIFICATION = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    private final McpJsonMapper mapper = McpJsonDefaults.getMapper();
    private final ByteArrayOutputStream answers = new ByteArrayOutputStream();

    private List<McpSchema.JSONRPCMessage> read(InputStream in, int maxLineBytes) throws IOException {
        StdioGuard guard = new StdioGuard(in, new AnsweredOutput(answers, mapper), mapper, maxLineBytes);
        List<McpSchema.JSONRPCMessage> messages = new ArrayList<>();
        for (McpSchema.JSONRPCMessage m; (m = guard.next()) != null; ) {
            messages.add(m);
        }
        return messages;
    }

    private List<String> answerLines() {
        return answers.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void passesOnMessagesAndAnswersTooLongAndMalformedLinesItself() throws Exception {
        String input = "x".repeat(150) + "\n" + "\n" + "{\"a\":1}\n" + "not json\n" + NOTIFICATION + "\r\n" + NOTIFICATION;
        List<McpSchema.JSONRPCMessage> passed = read(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), 100);

        assertEquals(2, passed.size(), "only the two notifications are messages (the last has no newline): " + passed);
        passed.forEach(m -> assertEquals("notifications/initialized",
                assertInstanceOf(McpSchema.JSONRPCNotification.class, m).method()));
        List<String> lines = answerLines();
        JsonNode tooLong = Json.MAPPER.readTree(lines.get(0));
        assertEquals(-32600, tooLong.get("error").get("code").asInt());
        assertTrue(tooLong.get("error").get("message").asString().contains("larger than 100 bytes"), tooLong.toString());
        assertEquals(-32600, Json.MAPPER.readTree(lines.get(1)).get("error").get("code").asInt(), "JSON, but no message");
        assertEquals(-32700, Json.MAPPER.readTree(lines.get(2)).get("error").get("code").asInt(), "not JSON");
        assertEquals(3, lines.size(), "a blank line is skipped without an answer: " + lines);
    }

    /** Lines split over many reads, longer than the read buffer, or too long only after several reads. */
    @Test
    void linesAreFoundWhateverTheReadsTheyArriveIn() throws Exception {
        String big = "{\"jsonrpc\":\"2.0\",\"id\":\"big\",\"method\":\"ping\",\"params\":{\"pad\":\"" + "p".repeat(200_000) + "\"}}";
        String input = NOTIFICATION + "\n" + big + "\n" + "y".repeat(300_000) + "\n" + "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}\r\n";
        InputStream trickle = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7)); // a few bytes per read, as a slow pipe may give
            }
        };
        List<McpSchema.JSONRPCMessage> passed = read(trickle, 250_000);

        assertEquals(3, passed.size(), passed.toString());
        McpSchema.JSONRPCRequest bigPing = assertInstanceOf(McpSchema.JSONRPCRequest.class, passed.get(1));
        assertEquals("big", bigPing.id());
        assertEquals(200_000, ((String) ((java.util.Map<?, ?>) bigPing.params()).get("pad")).length());
        assertEquals(7, assertInstanceOf(McpSchema.JSONRPCRequest.class, passed.get(2)).id());
        List<String> lines = answerLines();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("larger than 250000 bytes"), lines.get(0));
    }

    @Test
    void theAnswerToARequestSettlesItAndOnlyThat() throws Exception {
        AnsweredOutput out = new AnsweredOutput(answers, mapper);
        out.asked(1);
        out.asked("1");
        out.send(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, 1, java.util.Map.of(), null));
        assertEquals(false, out.awaitAnswers(0), "the request with the string id \"1\" is still owed");
        out.send(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, "1", java.util.Map.of(), null));
        assertTrue(out.awaitAnswers(0));
        assertEquals(2, answerLines().size());
    }
}
