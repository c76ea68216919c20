package dev.maml.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What reaches the SDK's stdio transport, and what the guard answers itself. */
class StdioGuardTest {

    /** A notification: no answer is owed, so the end of input is not held up waiting for one. */
    private static final String NOTIFICATION = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    @Test
    void passesOnMessagesAndAnswersTooLongAndMalformedLinesItself() throws Exception {
        String input = "x".repeat(150) + "\n" + "\n" + "{\"a\":1}\n" + NOTIFICATION + "\r\n" + NOTIFICATION;
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        AtomicInteger ends = new AtomicInteger();
        StdioGuard guard = new StdioGuard(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), answers,
                McpJsonDefaults.getMapper(), ends::incrementAndGet, 100);
        String passed = new String(guard.readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(NOTIFICATION + "\r\n" + NOTIFICATION + "\n", passed, "only the two notifications reach the transport, one per line");
        assertEquals(1, ends.get(), "the end of input is reported once");
        List<String> lines = answers.toString(StandardCharsets.UTF_8).lines().toList();
        JsonNode tooLong = Json.MAPPER.readTree(lines.get(0));
        assertEquals(-32600, tooLong.get("error").get("code").asInt());
        assertTrue(tooLong.get("error").get("message").asString().contains("larger than 100 bytes"), tooLong.toString());
        JsonNode notRpc = Json.MAPPER.readTree(lines.get(1));
        assertEquals(-32600, notRpc.get("error").get("code").asInt());
        assertEquals(2, lines.size(), "a blank line is skipped without an answer: " + lines);
    }
}
