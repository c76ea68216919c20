package dev.maml.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.server.auth.OidcAuthenticator;
import dev.maml.server.testing.OidcProviderFixture;
import dev.maml.server.testing.RunningServer;
import dev.maml.server.testing.ServerFixture;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** RFC 9728 Protected Resource Metadata with --auth oidc (a real issuer), and the 401 challenge pointing to it. */
class ProtectedResourceTest extends ServerFixture {

    private static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

    private static OidcProviderFixture provider;

    @BeforeAll
    static void startProvider() throws Exception {
        provider = OidcProviderFixture.start();
    }

    @AfterAll
    static void stopProvider() throws Exception {
        if (provider != null) {
            provider.close();
        }
    }

    private RunningServer oidc(URI publicUrl) throws Exception {
        return start(settings().authenticator(OidcAuthenticator.discover(provider.issuer(), Set.of(provider.audience()),
                "client_id")).publicUrl(publicUrl));
    }

    private static JsonNode metadata(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void theMetadataNamesTheIssuerWithoutAToken() throws Exception {
        RunningServer s = oidc(null);
        String base = "http://127.0.0.1:" + s.port();
        JsonNode server = metadata(s.get(WELL_KNOWN));
        assertEquals(base, server.path("resource").asString());
        assertEquals(provider.issuer().toString(), server.path("authorization_servers").get(0).asString());
        assertEquals("header", server.path("bearer_methods_supported").get(0).asString());
        assertNull(server.get("scopes_supported"), "no scopes are configured");
        assertEquals(base + "/mcp", metadata(s.get(WELL_KNOWN + "/mcp")).path("resource").asString());
        assertEquals(401, s.get(WELL_KNOWN + "/execute").statusCode(), "only the two documents are public");
        assertEquals(404, s.get(WELL_KNOWN + "/execute", "Authorization", "Bearer " + provider.token()).statusCode());
        assertEquals(405, s.post(WELL_KNOWN, "application/json", "{}").statusCode());
    }

    @Test
    void thePublicUrlIsTheResourceBehindAProxy() throws Exception {
        RunningServer s = oidc(URI.create("https://maml.example.com/"));
        assertEquals("https://maml.example.com/mcp", metadata(s.get(WELL_KNOWN + "/mcp")).path("resource").asString());
        assertEquals("https://maml.example.com", metadata(s.get(WELL_KNOWN)).path("resource").asString());
    }

    @Test
    void theChallengePointsToTheMetadataOfTheResourceAsked() throws Exception {
        RunningServer s = oidc(null);
        String base = "http://127.0.0.1:" + s.port();
        HttpResponse<String> mcp = s.post("/mcp", "application/json", "{}");
        assertEquals(401, mcp.statusCode());
        assertEquals("Bearer realm=\"maml\", resource_metadata=\"" + base + WELL_KNOWN + "/mcp\"",
                mcp.headers().firstValue("WWW-Authenticate").orElse(""));
        HttpResponse<String> execute = s.post("/execute", "text/markdown", "x", "Authorization", "Bearer not-a-jwt");
        assertEquals(401, execute.statusCode());
        String challenge = execute.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer realm=\"maml\", resource_metadata=\"" + base + WELL_KNOWN + "\", error="),
                challenge);
    }

    @Test
    void withoutOidcThereIsNoMetadataAndNoPointer() throws Exception {
        RunningServer s = start(settings());
        assertEquals(404, s.get(WELL_KNOWN).statusCode());
        assertEquals(404, s.get(WELL_KNOWN + "/mcp").statusCode());
    }

    @Test
    void aPublicUrlThatIsNoHttpUrlIsRefused() {
        for (String bad : new String[] {"ftp://maml.example.com", "https://maml.example.com/?q=1", "/relative"}) {
            try {
                settings().publicUrl(URI.create(bad));
                throw new AssertionError("accepted " + bad);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().contains("--public-url"), e.getMessage());
            }
        }
    }
}
