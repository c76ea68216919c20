package dev.maml.server.mcp.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.run.Identity;
import dev.maml.server.mcp.McpConfig;
import dev.maml.server.mcp.McpServers;
import dev.maml.server.testing.McpWire;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A client lists the tools as soon as it has initialised (desktop agents do, and cache the answer
 * until list_changed): over stdio the workflows must be in that first answer, not added a moment
 * later while the server reads the directory.
 */
class WorkflowsAtStartTest {

    @TempDir
    Path root;

    @Test
    void theFirstToolsListAlreadyHasTheWorkflows() throws Exception {
        WorkflowDocs docs = new WorkflowDocs(root);
        for (int i = 0; i < 8; i++) { // enough reading that a server answering early would answer without them
            docs.signed("drone" + i + ".maml.md", WorkflowDocs.document("Exchange key " + i + " over simulated BB84."),
                    docs.trusted);
        }
        Pipe toServer = Pipe.open();
        Pipe fromServer = Pipe.open();
        try (McpServers servers = new McpServers(McpConfig.of(docs.workflows, null, List.of(docs.trusted[0])));
             McpWire wire = new McpWire(Channels.newOutputStream(toServer.sink()), Channels.newInputStream(fromServer.source()))) {
            // everything the client says first is waiting before the server reads a byte
            wire.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"eager\",\"version\":\"1\"}}}");
            wire.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            wire.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}");
            servers.stdio(Channels.newInputStream(toServer.source()), Channels.newOutputStream(fromServer.sink()),
                    Identity.LOCAL, () -> { });
            List<String> workflows = new ArrayList<>();
            for (JsonNode tool : wire.responseTo(2).get("result").get("tools")) {
                if (tool.get("name").asString().startsWith("workflow_")) {
                    workflows.add(tool.get("name").asString());
                }
            }
            assertEquals(8, workflows.size(), workflows.toString());
        }
    }
}
