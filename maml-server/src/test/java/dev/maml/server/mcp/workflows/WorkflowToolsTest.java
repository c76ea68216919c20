package dev.maml.server.mcp.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.run.Identity;
import dev.maml.run.Pipeline;
import dev.maml.server.receipts.RunOutputs;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workflow tools through the real protocol: the SDK's server and Java client over streamable HTTP,
 * the server listing for one identity (as stdio's --as does). The periodic rescan is set to an hour,
 * so every change seen here was seen by the directory watch.
 */
class WorkflowToolsTest {

    @TempDir
    Path root;

    private WorkflowDocs docs;
    private WorkflowCatalog catalog;
    private McpHarness mcp;
    private McpSyncClient client;
    private final BlockingQueue<List<McpSchema.Tool>> changes = new LinkedBlockingQueue<>();
    private final List<String> logged = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serve() throws Exception {
        docs = new WorkflowDocs(root);
        docs.signed("drone.maml.md", WorkflowDocs.document("Exchange a key over simulated BB84 and sign the result."),
                docs.trusted);
        docs.write("unsigned.maml.md", WorkflowDocs.document("Never signed."));
        docs.signed("stranger.maml.md", WorkflowDocs.document("Signed by an unknown key."), docs.stranger);
        docs.signed("broken.maml.md", WorkflowDocs.document("Bad id.").replaceFirst("urn:uuid:[0-9a-f-]+", "x"),
                docs.trusted);
        docs.signed("private.maml.md", WorkflowDocs.document("Not ours.", "\"agent://someone-else\"", "\"agent://local\""),
                docs.trusted);
        catalog = new WorkflowCatalog(docs.workflows, docs.session(), null, RunOutputs.in(docs.receipts), new Pipeline(),
                Duration.ofMillis(100), Duration.ofHours(1), logged::add);
        mcp = new McpHarness(null);
        catalog.attach(mcp.server, Identity.LOCAL);
        client = mcp.client(null, changes);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            client.close();
            mcp.close();
        } finally {
            catalog.close();
        }
    }

    private List<String> toolNames() {
        return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
    }

    /** Waits (bounded) for a tools/list_changed whose new list satisfies {@code wanted}. */
    private List<String> awaitChange(Predicate<List<String>> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + McpHarness.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<McpSchema.Tool> list = changes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (list == null) {
                break;
            }
            List<String> names = list.stream().map(McpSchema.Tool::name).toList();
            if (wanted.test(names)) {
                return names;
            }
        }
        throw new AssertionError("no tools/list_changed with the expected list within " + McpHarness.TIMEOUT);
    }

    private CallToolResult call(Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest("workflow_drone", arguments));
    }

    private static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    @Test
    void theAdmittedDocumentIsListedWithItsIntentAndSchemasAndNoOther() {
        List<McpSchema.Tool> tools = client.listTools().tools();
        assertEquals(List.of("workflow_drone"), tools.stream().map(McpSchema.Tool::name).toList());
        McpSchema.Tool tool = tools.get(0);
        assertEquals("Exchange a key over simulated BB84 and sign the result.", tool.description());
        assertEquals("object", tool.inputSchema().get("type"));
        assertEquals(Map.of("qkd_bits", Map.of("type", "integer", "minimum", 64, "default", 128),
                "eavesdropper", Map.of("type", "number", "minimum", 0, "maximum", 1)), tool.inputSchema().get("properties"));
        assertNull(tool.inputSchema().get("required"), "qkd_bits has a default, so a caller need not give it");
        assertEquals(List.of("qkd_key", "is_valid"), tool.outputSchema().get("required"));
        assertEquals(Map.of("qkd_key", Map.of("type", "array", "items", Map.of("type", "integer")),
                "is_valid", Map.of("type", "boolean")), tool.outputSchema().get("properties"));
    }

    @Test
    void eachDocumentNotOfferedIsReportedOnceWithItsReason() throws Exception {
        assertEquals(List.of("broken.maml.md", "private.maml.md", "stranger.maml.md", "unsigned.maml.md"),
                logged.stream().map(line -> line.replace("maml mcp: not offered as a tool: ", ""))
                        .map(line -> line.substring(0, line.indexOf(':'))).toList(), logged.toString());
        assertTrue(logged.get(3).contains("signature unsigned"), logged.get(3));
        docs.signed("relay.maml.md", WorkflowDocs.document("Relay a key."), docs.trusted);
        awaitChange(names -> names.contains("workflow_relay"));
        assertEquals(4, logged.size(), "nothing new to say about the others: " + logged);
    }

    @Test
    void callingTheToolRunsTheWorkflowAsTheCallerAndReturnsTheResultAsStructuredContent() throws Exception {
        CallToolResult result = call(Map.of("qkd_bits", 256));
        assertNotEquals(Boolean.TRUE, result.isError(), result.content().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) result.structuredContent();
        assertEquals("ok", out.get("status"));
        assertEquals("agent://local", out.get("identity"));
        assertEquals(true, out.get("is_valid"));
        @SuppressWarnings("unchecked")
        Map<String, Object> qkd = (Map<String, Object>) out.get("qkd");
        assertEquals(256, qkd.get("raw"));
        assertEquals("key", qkd.get("outcome"));
        assertEquals(false, qkd.get("aborted"));
        assertEquals(((Number) qkd.get("final_length")).intValue(), ((List<?>) out.get("qkd_key")).size());
        assertEquals("valid", ((Map<?, ?>) out.get("document_signature")).get("outcome"));
        String receipt = (String) out.get("receipt");
        assertEquals(Path.of(receipt).getFileName().toString(), receipt, "the receipt's bare name, not the server's path");
        assertTrue(Files.isRegularFile(docs.receipts.resolve(receipt)), receipt);
        assertTrue(text(result).startsWith("workflow_drone: ok, run "), text(result));
    }

    /**
     * The SDK checks arguments against the advertised inputSchema before the tool runs (the server
     * builder's validateToolInputs, on by default) and the run checks Input_Schema again: either way
     * the caller gets a tool error naming the argument, and nothing runs.
     */
    @Test
    void argumentsThatViolateTheInputSchemaAreAToolErrorThatSaysWhich() {
        CallToolResult result = call(Map.of("qkd_bits", "many"));
        assertEquals(Boolean.TRUE, result.isError());
        assertTrue(text(result).contains("qkd_bits"), text(result));
        assertNull(result.structuredContent());
        assertTrue(Files.notExists(docs.receipts), "nothing ran");
    }

    /** Input_Schema requires qkd_bits but gives it a default: the SDK's own check must not refuse a call without it. */
    @Test
    void aRequiredPropertyTheDocumentSuppliesNeedNotBeGiven() {
        CallToolResult result = call(Map.of());
        assertNotEquals(Boolean.TRUE, result.isError(), result.content().toString());
        assertEquals(128, ((Map<?, ?>) ((Map<?, ?>) result.structuredContent()).get("qkd")).get("raw"));
    }

    @Test
    void aRunThatFailsIsAnErrorWithThePipelinesMessageAndItsResultAsText() {
        CallToolResult result = call(Map.of("qkd_bits", 512, "eavesdropper", 1.0));
        assertEquals(Boolean.TRUE, result.isError());
        assertTrue(text(result).startsWith("workflow_drone: BB84 aborted"), text(result));
        assertNull(result.structuredContent(), "a failed result would not match the outputSchema");
        String json = ((McpSchema.TextContent) result.content().get(1)).text();
        assertTrue(json.contains("\"status\":\"failed\"") && json.contains("\"failed_step\":\"qkd"), json);
    }

    @Test
    void anUnknownToolIsAProtocolError() {
        assertThrows(McpError.class, () -> client.callTool(new CallToolRequest("workflow_unsigned", Map.of())));
    }

    @Test
    void aDocumentWhoseSignatureStopsVerifyingLeavesTheListAndTheClientIsTold() throws Exception {
        Path drone = docs.workflows.resolve("drone.maml.md");
        Files.writeString(drone, Files.readString(drone).replace("sign the result.", "sign the results."));
        assertEquals(List.of(), awaitChange(names -> !names.contains("workflow_drone")));
        assertEquals(List.of(), toolNames());
        assertTrue(catalog.list(Identity.LOCAL).unlisted().stream().anyMatch(u -> u.reason()
                == Unlisted.Reason.INVALID_SIGNATURE && u.file().getFileName().toString().equals("drone.maml.md")));
        assertTrue(logged.stream().anyMatch(line -> line.startsWith("maml mcp: not offered as a tool: drone.maml.md:"
                + " signature invalid")), logged.toString());
    }

    @Test
    void aNewlySignedDocumentIsAddedAndARemovedOneGoes() throws Exception {
        docs.signed("relay.maml.md", WorkflowDocs.document("Relay a key."), docs.trusted);
        assertEquals(List.of("workflow_drone", "workflow_relay"), awaitChange(names -> names.contains("workflow_relay")));
        assertEquals("Relay a key.", client.listTools().tools().get(1).description());
        Files.delete(docs.workflows.resolve("drone.maml.md"));
        assertEquals(List.of("workflow_relay"), awaitChange(names -> !names.contains("workflow_drone")));
    }

    @Test
    void eachListedDocumentIsAResourceWithItsFileUriAndCurrentText() throws Exception {
        Path drone = docs.workflows.resolve("drone.maml.md");
        List<McpSchema.Resource> resources = client.listResources().resources();
        assertEquals(List.of(drone.toUri().toString()), resources.stream().map(McpSchema.Resource::uri).toList());
        assertEquals("text/markdown", resources.get(0).mimeType());
        McpSchema.ReadResourceResult read = client.readResource(new McpSchema.ReadResourceRequest(drone.toUri().toString()));
        assertEquals(Files.readString(drone), ((McpSchema.TextResourceContents) read.contents().get(0)).text());
    }

    /** The document's Output_Schema with {@code schema} in place of its own. */
    private static String withOutputSchema(String intent, String schema) {
        String doc = WorkflowDocs.document(intent);
        int start = doc.indexOf("## Output_Schema");
        return doc.substring(0, start) + "## Output_Schema\n```json\n" + schema + "\n```\n";
    }

    /**
     * The run checks Output_Schema before the receipt step adds {@code receipt} and
     * {@code receipt_signed}; a schema closed to every other field ({@code unevaluatedProperties})
     * passes the run's check, and the advertised schema declares those two so that the final result
     * passes the clients' (and the SDK's) check too.
     */
    @Test
    void aClosedOutputSchemaStillAdmitsTheFieldsTheRunAddsAfterItsCheck() throws Exception {
        docs.signed("closed.maml.md", withOutputSchema("Closed output.", """
                {"type": "object", "patternProperties": {"^(?!receipt)": {}}, "unevaluatedProperties": false}"""),
                docs.trusted);
        awaitChange(names -> names.contains("workflow_closed"));
        McpSchema.Tool tool = client.listTools().tools().stream().filter(t -> t.name().equals("workflow_closed"))
                .findFirst().orElseThrow();
        assertEquals(Map.of("receipt", Map.of("type", "string"), "receipt_signed", Map.of("type", "boolean")),
                tool.outputSchema().get("properties"));
        CallToolResult result = client.callTool(new CallToolRequest("workflow_closed", Map.of()));
        assertNotEquals(Boolean.TRUE, result.isError(), result.content().toString());
        assertEquals(false, ((Map<?, ?>) result.structuredContent()).get("receipt_signed"));
    }

    /** What only the final result shows (status "ok", not the "running" the run's own check saw) is caught before it is sent. */
    @Test
    void aResultThatDoesNotMatchTheAdvertisedOutputSchemaIsAToolErrorNotAnInvalidResult() throws Exception {
        docs.signed("running.maml.md", withOutputSchema("Still running.", """
                {"type": "object", "properties": {"status": {"const": "running"}}}"""), docs.trusted);
        awaitChange(names -> names.contains("workflow_running"));
        CallToolResult result = client.callTool(new CallToolRequest("workflow_running", Map.of()));
        assertEquals(Boolean.TRUE, result.isError());
        assertTrue(text(result).startsWith("workflow_running: the result does not match the tool's outputSchema: /status"),
                text(result));
        assertNull(result.structuredContent());
    }

    @Test
    void aChangeThatListsNothingNewSendsNoNotification() throws Exception {
        Files.writeString(docs.workflows.resolve("notes.txt"), "not a workflow");
        assertNull(changes.poll(1, TimeUnit.SECONDS), "a change that lists nothing new sends nothing");
        assertFalse(toolNames().isEmpty());
    }
}
