package dev.maml.server.mcp.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.server.receipts.RunOutputs;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose callers vary (HTTP): the catalog is attached for no one identity, the transport
 * puts each caller's identity in the context, the tool filter lists per caller, and every call and
 * read is checked for the caller.
 */
class WorkflowCallersTest {

    @TempDir
    Path root;

    private WorkflowCatalog catalog;
    private McpHarness mcp;
    private final List<McpSyncClient> clients = new ArrayList<>();

    @BeforeEach
    void serve() throws Exception {
        WorkflowDocs docs = new WorkflowDocs(root);
        docs.signed("drone.maml.md", WorkflowDocs.document("Runner's."), docs.trusted);
        docs.signed("private.maml.md", WorkflowDocs.document("Someone else's.", "\"agent://someone-else\"",
                "\"agent://someone-else\""), docs.trusted);
        catalog = new WorkflowCatalog(docs.workflows, docs.session(), null, RunOutputs.in(docs.receipts));
        mcp = new McpHarness(catalog.toolFilter());
        catalog.attach(mcp.server, null);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            for (McpSyncClient client : clients) {
                client.close();
            }
            mcp.close();
        } finally {
            catalog.close();
        }
    }

    private McpSyncClient as(String identity) {
        McpSyncClient client = mcp.client(identity);
        clients.add(client);
        return client;
    }

    private static List<String> names(McpSyncClient client) {
        return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
    }

    @Test
    void eachCallerListsTheWorkflowsItMayExecute() {
        assertEquals(List.of("workflow_drone"), names(as("agent://runner")));
        assertEquals(List.of("workflow_private"), names(as("agent://someone-else")));
        assertEquals(List.of(), names(as("agent://nobody")));
    }

    @Test
    void aCallIsCheckedForTheCallerWhateverWasListed() {
        CallToolResult refused = as("agent://nobody").callTool(new CallToolRequest("workflow_drone", Map.of()));
        assertEquals(Boolean.TRUE, refused.isError());
        String message = ((McpSchema.TextContent) refused.content().get(0)).text();
        assertTrue(message.startsWith("workflow_drone: permission denied: agent://nobody"), message);
        CallToolResult ran = as("agent://runner").callTool(new CallToolRequest("workflow_drone", Map.of()));
        assertNotEquals(Boolean.TRUE, ran.isError(), ran.content().toString());
        assertEquals("agent://runner", ((Map<?, ?>) ran.structuredContent()).get("identity"));
    }

    @Test
    void readingADocumentNeedsReadPermission() {
        McpSyncClient runner = as("agent://runner");
        String uri = runner.listResources().resources().stream().map(McpSchema.Resource::uri)
                .filter(u -> u.endsWith("drone.maml.md")).findFirst().orElseThrow();
        McpError denied = assertThrows(McpError.class, () -> runner.readResource(new McpSchema.ReadResourceRequest(uri)));
        assertTrue(denied.getMessage().contains("agent://runner may not read drone.maml.md"), denied.getMessage());
        McpSchema.ReadResourceResult read = as("agent://local").readResource(new McpSchema.ReadResourceRequest(uri));
        assertTrue(((McpSchema.TextResourceContents) read.contents().get(0)).text().contains("Runner's."));
    }
}
