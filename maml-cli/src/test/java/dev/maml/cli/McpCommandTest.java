package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.server.testing.McpFixtures;
import dev.maml.server.testing.McpProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** `maml mcp` as a process: bad options exit 2; a session with bad input leaves only protocol messages on stdout. */
class McpCommandTest {

    @TempDir
    Path dir;

    @Test
    void badOptionsExit2WithAMessage() {
        CliRun missing = CliRun.of("mcp", "--workflows", dir.resolve("nope").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--workflows " + dir.resolve("nope") + ": not a directory"), missing.err());
        assertEquals("", missing.out());
        CliRun as = CliRun.of("mcp", "--as", "root");
        assertEquals(2, as.exitCode());
        assertTrue(as.err().contains("--as takes agent://NAME or gateway://NAME"), as.err());
        CliRun key = CliRun.of("mcp", "--key", dir.resolve("no.key").toString(), "--trust", dir.resolve("no.pub").toString());
        assertEquals(2, key.exitCode());
        assertTrue(key.err().contains("--key") && key.err().contains("--trust " + dir.resolve("no.pub")), key.err());
    }

    @Test
    void onlyProtocolMessagesOnStdoutThroughBadInputAndExit0WhenStdinCloses() throws Exception {
        Path workflows = Files.createDirectories(dir.resolve("workflows"));
        McpFixtures.writeQkdWorkflow(workflows, "qkd.maml.md");
        Path log = dir.resolve("stderr.log");
        try (McpProcess mcp = McpProcess.java(log, "dev.maml.cli.Main", "mcp", "--workflows", workflows.toString(),
                "--as", "agent://drone")) {
            assertEquals("maml", mcp.initialize().get("serverInfo").get("name").asString());
            mcp.send("{not json");
            assertEquals(-32700, mcp.next().get("error").get("code").asInt());
            mcp.send("[1,2,3]");
            assertEquals(-32600, mcp.next().get("error").get("code").asInt());
            assertEquals(-32602, mcp.call("unknown_tool", Json.object()).get("error").get("code").asInt());
            assertTrue(mcp.call("lint", Json.object().put("path", 7)).get("isError").asBoolean());
            JsonNode big = mcp.call("lint", McpFixtures.document("x".repeat(10_000_000)));
            assertTrue(big.get("isError").asBoolean(), big.toString());

            JsonNode ok = mcp.call("run", Json.object().put("path", "qkd.maml.md").put("seed", 4));
            assertFalse(ok.get("isError").asBoolean(), ok.toString());
            assertEquals("agent://drone", ok.get("structuredContent").get("identity").asString(), "--as is the caller");
            ObjectNode eve = Json.object().put("path", "qkd.maml.md").put("seed", 4);
            eve.putObject("inputs").put("eavesdropper", 1.0);
            JsonNode aborted = mcp.call("run", eve);
            assertTrue(aborted.get("isError").asBoolean(), aborted.toString());
            JsonNode refused = mcp.call("run", McpFixtures.document(McpFixtures.qkdWorkflow("\"agent://ops\"")));
            assertTrue(refused.get("isError").asBoolean(), refused.toString());

            mcp.send("{\"jsonrpc\":\"2.0\",\"id\":500,\"method\":\"tools/call\",\"params\":{\"name\":\"lint\","
                    + "\"arguments\":{\"path\":\"qkd.maml.md\"}}}");
            mcp.endInput();
            mcp.drain();
            assertEquals(0, mcp.exitCode(60), "exit 0 when stdin closes; stderr: " + Files.readString(log));
            assertTrue(mcp.written().stream().anyMatch(l -> l.contains("\"id\":500")), "answered before exiting");
            for (String line : mcp.written()) {
                JsonNode m = Json.MAPPER.readTree(line);
                assertEquals("2.0", m.get("jsonrpc").asString(), "not a protocol message on stdout: " + line);
            }
        }
    }
}
