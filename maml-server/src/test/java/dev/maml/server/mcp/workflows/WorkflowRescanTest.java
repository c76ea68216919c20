package dev.maml.server.mcp.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.run.Identity;
import dev.maml.run.Pipeline;
import dev.maml.server.receipts.RunOutputs;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The periodic rescan notices what no event in the workflows directory announces: here the
 * server's trusted key file is replaced (outside the directory) by another key, so the documents
 * signed by the old key stop being trusted and those signed by the new one start.
 */
class WorkflowRescanTest {

    @TempDir
    Path root;

    @Test
    void aChangedTrustStoreIsFollowedByTheRescan() throws Exception {
        WorkflowDocs docs = new WorkflowDocs(root);
        docs.signed("drone.maml.md", WorkflowDocs.document("Trusted now."), docs.trusted);
        docs.signed("stranger.maml.md", WorkflowDocs.document("Trusted later."), docs.stranger);
        BlockingQueue<List<McpSchema.Tool>> changes = new LinkedBlockingQueue<>();
        try (WorkflowCatalog catalog = new WorkflowCatalog(docs.workflows, docs.session(), null, RunOutputs.in(docs.receipts),
                new Pipeline(), Duration.ofMillis(100), Duration.ofMillis(300), line -> { });
             McpHarness mcp = new McpHarness(null)) {
            catalog.attach(mcp.server, Identity.LOCAL);
            McpSyncClient client = mcp.client(null, changes);
            try {
                assertEquals(List.of("workflow_drone"), client.listTools().tools().stream().map(McpSchema.Tool::name).toList());
                Files.copy(docs.stranger[0], docs.trusted[0], java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                List<String> seen = List.of();
                long deadline = System.nanoTime() + McpHarness.TIMEOUT.toNanos();
                while (!seen.equals(List.of("workflow_stranger")) && System.nanoTime() < deadline) {
                    List<McpSchema.Tool> next = changes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next != null) {
                        seen = next.stream().map(McpSchema.Tool::name).toList();
                    }
                }
                assertEquals(List.of("workflow_stranger"), seen);
            } finally {
                client.close();
            }
        }
    }
}
