package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.sign.Digests;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `maml serve` hands /mcp the store /execute writes to (issue 16): the demo run through its
 * workflow tool over streamable HTTP, then posted to /execute, is one chain of two receipts in
 * --receipts, and nothing is written beside the document in --root.
 */
class ServeMcpReceiptsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path root;
    @TempDir
    Path receipts;

    @Test
    void aWorkflowToolRunAndAnExecuteRunOfTheDemoAreOneChainInReceipts() throws Exception {
        Path doc = RunFixtures.copyFreshDemo(root);
        List<String> before = filesIn(root);
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try (ServeProcess serve = ServeProcess.start("--root", root.toString(), "--receipts", receipts.toString(),
                "--port", "0", "--trust", root.resolve("keys/demo-only-drone-security.pub").toString())) {
            assertNotNull(serve.uri(), serve.stderr().toString());
            List<String> answered = new ArrayList<>();
            McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(serve.uri()).endpoint("/mcp")
                    .build()).requestTimeout(TIMEOUT).initializationTimeout(TIMEOUT).build();
            try {
                client.initialize();
                CallToolResult tool = client.callTool(new CallToolRequest("workflow_drone_communication", Map.of()));
                assertNotEquals(Boolean.TRUE, tool.isError(), tool.content() + "\n" + serve.stderr());
                String receipt = (String) ((Map<?, ?>) tool.structuredContent()).get("receipt");
                assertEquals(Path.of(receipt).getFileName().toString(), receipt, "a bare name, as /execute answers it");
                assertTrue(Files.isRegularFile(receipts.resolve(receipt)), "the MCP run's receipt is in --receipts: " + receipt);
                answered.add(receipt);
            } finally {
                client.closeGracefully(); // ends its MCP session
            }
            HttpResponse<String> run = http.send(HttpRequest.newBuilder(URI.create(serve.uri() + "/execute")).timeout(TIMEOUT)
                    .header("Content-Type", "text/markdown").POST(HttpRequest.BodyPublishers.ofFile(doc)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, run.statusCode(), run.body());
            answered.add(Json.MAPPER.readTree(run.body()).path("receipt").asString());

            Matcher id = Pattern.compile("(?m)^id: \"(.*)\"$").matcher(Files.readString(doc));
            assertTrue(id.find());
            // The demo lets agent://local run it, not read it (GET /receipts answers 403): the chain is read
            // from --receipts itself.
            assertEquals(403, http.send(HttpRequest.newBuilder(URI.create(serve.uri() + "/receipts?document="
                    + URLEncoder.encode(id.group(1), StandardCharsets.UTF_8))).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            String prev = null;
            for (String name : answered) {
                String text = Files.readString(receipts.resolve(name));
                assertTrue(text.contains("source_id: \"" + id.group(1) + "\""), name + " is a receipt of the demo");
                assertEquals(prev != null, text.contains("prev_sha3_256: \"" + prev + "\""), name + " names the one before");
                prev = Digests.sha3_256Hex(text.getBytes(StandardCharsets.UTF_8));
            }
            assertEquals(0, serve.terminate(), serve.stderr().toString());
        }
        assertEquals(before, filesIn(root), "nothing written beside the document");
        try (Stream<Path> files = Files.list(receipts)) {
            assertEquals(2, files.filter(f -> f.getFileName().toString().endsWith(".mu")).count());
        }
    }

    private static List<String> filesIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(f -> dir.relativize(f).toString()).sorted().toList();
        }
    }
}
