package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.server.testing.McpClientScript;
import dev.maml.server.testing.OidcProviderFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The official TypeScript MCP client (client.mjs, SDK 1.32.2, streamable HTTP) against
 * `maml serve --auth oidc`'s /mcp with a real client-credentials token from npm oidc-provider: its
 * --root holds a workflow signed with a key the server trusts that the token's identity,
 * agent://drone-7, may execute. Without a token the client cannot connect (401) and finds the
 * issuer through the protected resource metadata. Skipped without node and npm, failed under CI=true.
 */
class ServeMcpOidcTest {

    @TempDir
    static Path dir;

    private static OidcServe server;
    private static OidcProviderFixture provider;

    @BeforeAll
    static void start() throws Exception {
        McpClientScript.install();
        server = OidcServe.withQkdWorkflow(dir, false);
        provider = server.provider();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static List<String> http(String... headers) {
        List<String> target = new ArrayList<>(List.of("http", server.uri() + "/mcp"));
        target.addAll(List.of(headers));
        return target;
    }

    @Test
    void withARealTokenTheClientRunsTheTrustedWorkflowAsItsClient(@TempDir Path work) throws Exception {
        ObjectNode plan = Json.object();
        var calls = plan.putArray("calls");
        calls.addObject().put("tool", "lint").set("arguments", Json.object().put("path", "qkd.maml.md"));
        calls.addObject().put("tool", "workflow_qkd").set("arguments", Json.object().put("eavesdropper", 0));
        plan.putArray("resources").add("maml://rules/MAML012");

        JsonNode out = McpClientScript.run(plan, work, http("Authorization=Bearer " + provider.token()));
        assertNull(out.get("failure"), out + "\n" + server.log());
        List<String> tools = new ArrayList<>();
        out.get("tools").forEach(t -> tools.add(t.get("name").asString()));
        assertTrue(tools.contains("workflow_qkd"), tools + "\n" + server.log());
        assertTrue(out.get("resources").toString().contains("qkd.maml.md"), out.get("resources").toString());
        JsonNode lint = out.get("calls").get(0);
        assertFalse(lint.get("isError").asBoolean(), lint.toString());
        assertEquals(0, lint.get("structuredContent").get("summary").get("errors").asInt(), lint.toString());
        JsonNode run = out.get("calls").get(1);
        assertNull(run.get("error"), "the client rejected the result: " + run);
        assertFalse(run.get("isError").asBoolean(), run.toString());
        assertEquals("agent://" + provider.clientId(), run.get("structuredContent").get("identity").asString());
        assertTrue(out.get("reads").get(0).get("text").asString().startsWith("# MAML012"), out.get("reads").toString());
    }

    @Test
    void withoutATokenTheClientCannotConnectAndFindsTheIssuer(@TempDir Path work) throws Exception {
        JsonNode out = McpClientScript.run(Json.object(), work, http());
        assertNotNull(out.get("failure"), out.toString());
        assertEquals(401, out.get("status").asInt(), out.toString());
        JsonNode metadata = out.get("resourceMetadata");
        assertEquals(server.uri() + "/mcp", metadata.get("resource").asString(), metadata.toString());
        assertEquals(provider.issuer().toString(), metadata.get("authorization_servers").get(0).asString());
    }
}
