package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The official TypeScript SDK's own OAuth flow (SDK 1.32.2: {@code StreamableHTTPClientTransport}
 * with a {@code ClientCredentialsProvider} as its {@code authProvider}) against `maml serve --auth
 * oidc`'s /mcp and a real OAuth 2.0 server (npm oidc-provider): the client starts without a token,
 * gets 401, follows the challenge's resource_metadata to the protected resource metadata (RFC 9728),
 * finds the issuer there, asks it for a client-credentials token for the resource the metadata names
 * (RFC 8707), and connects with it. The server's --audience is that resource, as the MCP
 * authorization spec asks (a token must be issued for this server). Skipped without node and npm,
 * failed under CI=true.
 */
class ServeMcpOAuthFlowTest {

    @TempDir
    static Path dir;

    private static OidcServe server;
    private static OidcProviderFixture provider;

    @BeforeAll
    static void start() throws Exception {
        McpClientScript.install();
        server = OidcServe.withQkdWorkflow(dir, true);
        provider = server.provider();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode connect(Path work, String clientSecret, ObjectNode plan) throws Exception {
        return McpClientScript.run(plan, work, List.of("oauth", server.uri() + "/mcp", provider.clientId(), clientSecret,
                provider.issuer().toString()));
    }

    @Test
    void theSdkGetsItsTokenThroughTheChallengeAndRunsTheWorkflowAsItsClient(@TempDir Path work) throws Exception {
        ObjectNode plan = Json.object();
        plan.putArray("calls").addObject().put("tool", "workflow_qkd").set("arguments", Json.object().put("eavesdropper", 0));
        JsonNode out = connect(work, provider.clientSecret(), plan);
        assertNull(out.get("failure"), out + "\n" + server.log());

        String mcp = server.uri() + "/mcp";
        List<JsonNode> trace = new ArrayList<>();
        out.get("trace").forEach(trace::add);
        JsonNode first = trace.get(0);
        assertEquals(mcp, first.get("url").asString(), out.get("trace").toString());
        assertFalse(first.get("authorization").asBoolean(), "the SDK started with a token: " + trace);
        assertEquals(401, first.get("status").asInt(), trace.toString());
        assertEquals(server.uri() + "/.well-known/oauth-protected-resource/mcp", trace.get(1).get("url").asString(),
                "the SDK did not follow the challenge's resource_metadata: " + trace);
        assertEquals(200, trace.get(1).get("status").asInt(), trace.toString());
        JsonNode tokenRequest = trace.stream().filter(t -> t.has("resource")).findFirst().orElseThrow(
                () -> new AssertionError("no token request: " + trace));
        assertTrue(tokenRequest.get("url").asString().startsWith(provider.issuer().toString()), trace.toString());
        assertEquals(mcp, tokenRequest.get("resource").asString(), "the resource indicator is the metadata's resource");
        assertEquals(200, tokenRequest.get("status").asInt(), trace.toString() + "\n" + provider.log());
        int tokenAt = trace.indexOf(tokenRequest);
        JsonNode retried = trace.get(tokenAt + 1);
        assertEquals(mcp, retried.get("url").asString(), trace.toString());
        assertTrue(retried.get("authorization").asBoolean(), trace.toString());
        assertEquals(200, retried.get("status").asInt(), trace.toString());

        JsonNode run = out.get("calls").get(0);
        assertNull(run.get("error"), "the client rejected the result: " + run);
        assertFalse(run.get("isError").asBoolean(), run.toString());
        assertEquals("agent://" + provider.clientId(), run.get("structuredContent").get("identity").asString());
    }

    @Test
    void aWrongClientSecretGetsNoTokenAndNoConnection(@TempDir Path work) throws Exception {
        JsonNode out = connect(work, "not-" + provider.clientSecret(), Json.object());
        assertTrue(out.has("failure"), out.toString());
        assertTrue(out.get("trace").toString().contains("\"status\":401"), out.toString());
        out.get("trace").forEach(t -> assertFalse(t.path("authorization").asBoolean(), "a token was sent: " + out));
    }
}
