package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.server.testing.OidcProviderFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * `maml serve --auth oidc` end to end, as a drone uses it: a real OAuth 2.0 authorization server
 * (npm oidc-provider, {@link OidcProviderFixture}) issues client-credentials tokens over HTTP, and
 * the drone posts the demo to /execute with one. The demo names agent://drone-security, not the
 * provider's clients, so the test admits agent://drone-7 (the client's identity, spec 11.1:
 * agent:// + client_id) in a copy and signs that with a key the server trusts; agent://drone-9,
 * the provider's other client, stays out. Skipped without node and npm, failed under CI=true.
 */
class ServeOidcTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static OidcServe server;
    private static OidcProviderFixture provider;
    private static Path receipts;
    private static byte[] document;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        receipts = dir.resolve("receipts");
        Path key = SignedDocuments.keyPair(Files.createDirectories(dir.resolve("keys")));
        server = OidcServe.start(root, receipts, SignedDocuments.publicKey(key), oidc -> {
            Path demo = RunFixtures.copyFreshDemo(root);
            Files.writeString(demo, Files.readString(demo).replace("execute: [\"agent://local\",",
                    "execute: [\"agent://" + oidc.clientId() + "\","));
            SignedDocuments.sign(demo, key);
            document = Files.readAllBytes(demo);
        });
        provider = server.provider();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> execute(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri() + "/execute")).timeout(TIMEOUT)
                .header("Content-Type", "text/markdown").POST(HttpRequest.BodyPublishers.ofByteArray(document));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aClientCredentialsTokenRunsTheDemoAsItsClient() throws Exception {
        HttpResponse<String> response = execute(provider.token());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = Json.MAPPER.readTree(response.body());
        assertEquals("ok", result.path("status").asString(), result.toString());
        assertEquals("agent://" + provider.clientId(), result.path("identity").asString());
        assertTrue(Files.isRegularFile(receipts.resolve(result.path("receipt").asString())), result.toString());
    }

    @Test
    void withoutATokenTheAnswerIs401WithABearerChallenge() throws Exception {
        HttpResponse<String> response = execute(null);
        assertEquals(401, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer "), challenge);
        assertFalse(challenge.contains("error="), "no token sent, so no error code (RFC 6750 3.1): " + challenge);
        assertEquals(401, Json.MAPPER.readTree(response.body()).path("error").path("status").asInt(), response.body());
    }

    @Test
    void aTokenOfAClientTheDocumentDoesNotAdmitIs403() throws Exception {
        HttpResponse<String> response = execute(provider.otherClientToken());
        assertEquals(403, response.statusCode(), response.body());
        JsonNode result = Json.MAPPER.readTree(response.body());
        assertEquals("agent://" + provider.otherClientId(), result.path("identity").asString(), result.toString());
        assertEquals("permissions", result.path("failed_step").asString(), result.toString());
    }
}
