package dev.maml.server.mcp.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.receipt.ReceiptChain;
import dev.maml.report.Json;
import dev.maml.server.http.MamlHttpServer;
import dev.maml.server.http.ServeSettings;
import dev.maml.server.mcp.McpConfig;
import dev.maml.server.mcp.McpServers;
import dev.maml.server.testing.PostgresFixture;
import dev.maml.server.testing.RunningServer;
import dev.maml.sign.Digests;
import dev.maml.sign.TrustStore;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * MCP mounted on `maml serve` writes its runs' receipts through the server's --receipts store, the
 * instance /execute writes to: a workflow tool call, a run tool call and an /execute run of one
 * document make one chain, with the directory store and with PostgreSQL, and nothing is written
 * beside the document in the workflows directory.
 */
class ServeReceiptStoreTest {

    private static final Pattern PREV = Pattern.compile("(?m)^prev_sha3_256: \"([0-9a-f]{64})\"$");
    private static final Map<String, Object> INPUTS = Map.of("qkd_bits", 128);

    @TempDir
    Path dir;

    private WorkflowDocs docs;
    private String text;
    private String id;

    @BeforeEach
    void document() throws Exception {
        docs = new WorkflowDocs(dir);
        text = Files.readString(docs.signed("drone.maml.md", WorkflowDocs.document("Exchange a key over simulated BB84."),
                docs.trusted));
        Matcher m = Pattern.compile("(?m)^id: \"(.*)\"$").matcher(text);
        assertTrue(m.find());
        id = m.group(1);
    }

    private ServeSettings.Builder settings() {
        return RunningServer.settings(docs.workflows, docs.receipts).trust(List.of(docs.trusted[0]));
    }

    @Test
    void withTheDirectoryStoreMcpRunsJoinTheExecuteRunsChainInTheReceiptsDirectory() throws Exception {
        List<String> names = runThreeWays(settings());
        for (String name : names) {
            assertTrue(Files.isRegularFile(docs.receipts.resolve(name)), name + " in --receipts");
        }
        assertEquals(List.of("drone.maml.md"), filesIn(docs.workflows), "no receipt beside the document");
    }

    @Test
    void withPostgresTheMcpAndExecuteRunsMakeOneChainInTheDatabase() throws Exception {
        try (PostgresFixture postgres = PostgresFixture.start()) {
            String url = postgres.newDatabase() + "?user=" + PostgresFixture.USER + "&password=" + PostgresFixture.PASSWORD;
            runThreeWays(settings().receiptDatabase(url));
        }
        assertEquals(List.of("drone.maml.md"), filesIn(docs.workflows), "no receipt beside the document");
        assertFalse(Files.exists(docs.receipts), "no receipt directory with a database store");
    }

    /**
     * Runs the document through the workflow tool, the run tool ({@code path}) and POST /execute, in
     * that order, and checks that GET /receipts?document=ID is those three runs' receipts as one
     * chain that verifies. Returns the receipts' names, first first.
     */
    private List<String> runThreeWays(ServeSettings.Builder settings) throws Exception {
        McpServers[] mcp = new McpServers[1];
        try (RunningServer server = RunningServer.start(settings.build(), s -> mcp[0] = mount(s))) {
            List<String> answered = new ArrayList<>();
            try (McpSyncClient client = client(server)) {
                answered.add(receipt(client.callTool(new CallToolRequest("workflow_drone", INPUTS))));
                answered.add(receipt(client.callTool(new CallToolRequest("run",
                        Map.of("path", "drone.maml.md", "inputs", INPUTS)))));
            } finally {
                mcp[0].close(); // the MCP servers are the caller's to close, as maml serve closes them
            }
            ObjectNode body = Json.object().put("document", text);
            body.set("inputs", Json.MAPPER.valueToTree(INPUTS));
            HttpResponse<String> run = server.post("/execute", "application/json", Json.compact(body));
            assertEquals(200, run.statusCode(), run.body());
            answered.add(Json.MAPPER.readTree(run.body()).path("receipt").asString());

            HttpResponse<String> chain = server.get("/receipts?document=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
            assertEquals(200, chain.statusCode(), chain.body());
            List<String> names = new ArrayList<>();
            Path export = Files.createDirectories(dir.resolve("export-" + System.nanoTime()));
            String prev = null;
            for (JsonNode r : Json.MAPPER.readTree(chain.body()).path("receipts")) {
                String name = r.path("name").asString();
                byte[] receipt = r.path("text").asString().getBytes(StandardCharsets.UTF_8);
                Matcher m = PREV.matcher(r.path("text").asString());
                assertEquals(prev, m.find() ? m.group(1) : null, name + " names the receipt before it");
                prev = Digests.sha3_256Hex(receipt);
                Files.write(export.resolve(name), receipt);
                names.add(name);
            }
            assertEquals(answered, names, "the workflow tool's, the run tool's and /execute's receipts, in that order");
            List<ReceiptChain.Link> links = ReceiptChain.read(export).get(id);
            ReceiptChain.Result verified = ReceiptChain.verify(links, TrustStore.standard(export, List.of()));
            assertTrue(verified.intact(), String.valueOf(verified.reason()));
            return names;
        }
    }

    /** MCP on the server as `maml serve` mounts it: workflows in --root, runs writing where /execute's do. */
    private McpServers mount(MamlHttpServer server) {
        try {
            McpServers mcp = new McpServers(McpConfig.of(docs.workflows, null, List.of(docs.trusted[0]))
                    .writingTo(server.runOutputs()));
            server.mount("/mcp", mcp.http(List.of(), List.of()));
            return mcp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static McpSyncClient client(RunningServer server) {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(server.server().uri().toString())
                        .endpoint("/mcp").build())
                .requestTimeout(McpHarness.TIMEOUT).initializationTimeout(McpHarness.TIMEOUT).build();
        client.initialize();
        return client;
    }

    /** The receipt's bare name, as GET /receipts lists it, of a successful tool call. */
    private static String receipt(CallToolResult result) {
        assertNotEquals(Boolean.TRUE, result.isError(), result.content().toString());
        String receipt = (String) ((Map<?, ?>) result.structuredContent()).get("receipt");
        assertEquals(Path.of(receipt).getFileName().toString(), receipt, "a bare name, as /execute answers it");
        return receipt;
    }

    private static List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
