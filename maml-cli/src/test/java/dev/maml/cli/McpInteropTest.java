package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.server.testing.McpClientScript;
import dev.maml.server.testing.McpFixtures;
import dev.maml.server.testing.McpProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * `maml mcp` driven by independent clients: the official TypeScript SDK (client.mjs: lists the
 * tools, calls every one, reads resources; it checks each result against the tool's outputSchema)
 * and the MCP Inspector CLI. Skipped without node and npm, failed under CI=true.
 */
class McpInteropTest {

    @TempDir
    static Path dir;

    private static Path workflows;
    private static Path key;

    @BeforeAll
    static void setUp() throws Exception {
        McpClientScript.install();
        workflows = Files.createDirectories(dir.resolve("workflows"));
        McpFixtures.writeQkdWorkflow(workflows, "qkd.maml.md");
        key = McpFixtures.keyPair(Files.createDirectories(dir.resolve("keys")));
    }

    private static List<String> maml(String... args) {
        List<String> target = new ArrayList<>(List.of("stdio"));
        target.addAll(McpProcess.javaCommand("dev.maml.cli.Main", args));
        return target;
    }

    @Test
    void theOfficialClientCallsEveryToolAndReadsTheResources(@TempDir Path work) throws Exception {
        String text = McpFixtures.qkdWorkflow("\"agent://*\"");
        ObjectNode plan = Json.object();
        ArrayNode calls = plan.putArray("calls");
        calls.addObject().put("tool", "lint").set("arguments", McpFixtures.document(text));
        String slugId = text.replace("urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e", "slug");
        calls.addObject().put("tool", "fix").set("arguments", McpFixtures.document(slugId));
        calls.addObject().put("tool", "format").set("arguments", McpFixtures.document(text));
        calls.addObject().put("tool", "parse").set("arguments", Json.object().put("path", "qkd.maml.md"));
        calls.addObject().put("tool", "verify").set("arguments", McpFixtures.document(text));
        calls.addObject().put("tool", "sign").set("arguments", McpFixtures.document(text));
        calls.addObject().put("tool", "receipt_create").set("arguments", McpFixtures.document(text).put("name", "qkd.maml.md"));
        calls.addObject().put("tool", "receipt_verify").set("arguments", Json.object().put("receipt", "---\nnot: a receipt\n---\n"));
        calls.addObject().put("tool", "run").set("arguments", Json.object().put("path", "qkd.maml.md").put("seed", 5));
        calls.addObject().put("tool", "lint").set("arguments", Json.object().put("path", "../keys/k.key"));
        calls.addObject().put("tool", "fix").set("arguments", McpFixtures.document(slugId).put("unsafe_fixes", true));
        plan.putArray("resources").add("maml://rules/MAML093").add("maml://rules/lone-carriage-return")
                .add("maml://schema/front-matter");

        JsonNode out = McpClientScript.run(plan, work, maml("mcp", "--workflows", workflows.toString(), "--key", key.toString(),
                "--as", "agent://drone"));
        assertNull(out.get("failure"), out.toString());
        assertEquals("maml", out.get("server").get("name").asString());
        List<String> names = new ArrayList<>();
        out.get("tools").forEach(t -> names.add(t.get("name").asString()));
        assertEquals(List.of("lint", "fix", "format", "parse", "verify", "sign", "receipt_create", "receipt_verify", "run"), names);
        assertEquals(List.of("maml://rules/{id}"), Json.MAPPER.convertValue(out.get("templates"), List.class));

        Map<String, JsonNode> results = new HashMap<>();
        for (JsonNode call : out.get("calls")) {
            assertNull(call.get("error"), "the client rejected a result: " + call);
            results.putIfAbsent(call.get("tool").asString(), call);
        }
        for (String tool : List.of("lint", "fix", "format", "parse", "verify", "sign", "receipt_create", "receipt_verify", "run")) {
            assertTrue(results.containsKey(tool), tool);
        }
        assertEquals(0, results.get("lint").get("structuredContent").get("summary").get("errors").asInt());
        // MAML012's new random id is an unsafe fix: applied only when the call asks for unsafe fixes.
        JsonNode safeOnly = results.get("fix").get("structuredContent");
        assertFalse(safeOnly.get("changed").asBoolean(), safeOnly.toString());
        assertEquals(1, safeOnly.get("unsafe_left").asInt(), safeOnly.toString());
        JsonNode unsafe = out.get("calls").get(10).get("structuredContent");
        assertTrue(unsafe.get("changed").asBoolean() && unsafe.get("text").asString().contains("urn:uuid:"), unsafe.toString());
        assertTrue(out.get("tools").get(1).get("inputSchema").get("properties").has("unsafe_fixes"));
        assertEquals("unsigned", results.get("verify").get("structuredContent").get("outcome").asString());
        assertTrue(results.get("sign").get("structuredContent").get("text").asString().contains("signature: \""));
        assertTrue(results.get("receipt_create").get("structuredContent").get("signed").asBoolean());
        assertFalse(results.get("receipt_verify").get("structuredContent").get("valid").asBoolean());
        assertEquals("agent://drone", results.get("run").get("structuredContent").get("identity").asString());
        JsonNode escaped = out.get("calls").get(9);
        assertTrue(escaped.get("isError").asBoolean() && escaped.get("text").asString().contains("outside the workflows"),
                escaped.toString());
        for (JsonNode read : out.get("reads")) {
            assertNull(read.get("error"), read.toString());
        }
        assertEquals(out.get("reads").get(0).get("text"), out.get("reads").get(1).get("text"), "id and alias name one page");
    }

    @Test
    void theInspectorListsTheToolsAndCallsLint() throws Exception {
        List<String> server = McpProcess.javaCommand("dev.maml.cli.Main", "mcp", "--workflows", workflows.toString());
        List<String> list = new ArrayList<>(server);
        list.addAll(List.of("--method", "tools/list"));
        JsonNode tools = McpClientScript.inspector(list);
        assertEquals(8, tools.get("tools").size(), tools.toString());

        List<String> call = new ArrayList<>(server);
        call.addAll(List.of("--method", "tools/call", "--tool-name", "lint", "--tool-arg", "path=qkd.maml.md"));
        JsonNode lint = McpClientScript.inspector(call);
        assertFalse(lint.get("isError").asBoolean(), lint.toString());
        assertEquals("qkd.maml.md", lint.get("structuredContent").get("files").get(0).get("path").asString());
    }
}
