package dev.maml.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.run.Identity;
import dev.maml.server.auth.TokenAuthenticator;
import dev.maml.server.testing.Demo;
import dev.maml.server.testing.Documents;
import dev.maml.server.testing.RawHttp;
import dev.maml.server.testing.ServerFixture;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every bad request issue 12 lists answers the JSON error of spec 11.1 (never a stack trace, never a
 * 500), and the server keeps serving: /health says ok after each.
 */
class ServeBadRequestsTest extends ServerFixture {

    private static final String TOKEN = "drone-token-3f9a";
    private static final String STRANGER = "stranger-token-77c1";

    private ServeSettings.Builder tokens() {
        return withTokens(settings());
    }

    private static ServeSettings.Builder withTokens(ServeSettings.Builder settings) {
        return settings.authenticator(new TokenAuthenticator(List.of(
                entry(TOKEN, "agent://drone-security"), entry(STRANGER, "agent://stranger"))));
    }

    private static TokenAuthenticator.Entry entry(String token, String identity) {
        return new TokenAuthenticator.Entry(HexFormat.of().parseHex(TokenAuthenticator.sha256Hex(token)),
                Identity.parse(identity).orElseThrow());
    }

    /** The answer is spec 11.1's error object with {@code status} and {@code code}; /health is still ok. */
    private JsonNode assertError(HttpResponse<String> answer, int status, String code) throws Exception {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode error = Json.MAPPER.readTree(answer.body()).path("error");
        assertEquals(status, error.path("status").asInt(), answer.body());
        assertEquals(code, error.path("code").asString(), answer.body());
        assertFalse(error.path("message").asString().isBlank(), answer.body());
        assertFalse(answer.body().contains("at dev.maml") || answer.body().contains("Exception"), answer.body());
        assertHealthy();
        return error;
    }

    private void assertHealthy() throws Exception {
        HttpResponse<String> health = server.get("/health");
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"ok\"}", health.body().strip());
    }

    @Test
    void noTokenIs401WithABearerChallenge() throws Exception {
        start(tokens());
        HttpResponse<String> answer = server.post("/lint", "text/markdown", Documents.quantum());
        assertError(answer, 401, "unauthorized");
        assertEquals("Bearer realm=\"maml\"", answer.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void aWrongTokenIs401InvalidToken() throws Exception {
        start(tokens());
        HttpResponse<String> answer = server.post("/lint", "text/markdown", Documents.quantum(),
                "Authorization", "Bearer not-" + TOKEN);
        assertError(answer, 401, "unauthorized");
        assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("")
                .startsWith("Bearer realm=\"maml\", error=\"invalid_token\""), answer.headers().map().toString());
        assertError(server.post("/lint", "text/markdown", Documents.quantum(), "Authorization", "Basic " + TOKEN),
                401, "unauthorized");
    }

    @Test
    void healthAndMetricsNeedNoTokenUnlessMetricsAuth() throws Exception {
        start(tokens());
        assertEquals(200, server.get("/metrics").statusCode());
        start(tokens().metricsAuth(true));
        assertError(server.get("/metrics"), 401, "unauthorized");
        assertEquals(200, server.get("/metrics", "Authorization", "Bearer " + TOKEN).statusCode());
    }

    /** Spec 11.1 leaves only /health and /metrics open; /openapi.json is a route like the others. */
    @Test
    void theOpenApiDescriptionNeedsATokenWhenAuthIsOn() throws Exception {
        start(tokens());
        assertError(server.get("/openapi.json"), 401, "unauthorized");
        assertEquals(200, server.get("/openapi.json", "Authorization", "Bearer " + TOKEN).statusCode());
    }

    @Test
    void anIdentityTheDocumentDoesNotPermitIs403() throws Exception {
        start(withTokens(demoTrusted()));
        HttpResponse<String> refused = server.post("/execute", "text/markdown", Demo.document(),
                "Authorization", "Bearer " + STRANGER);
        assertEquals(403, refused.statusCode(), refused.body());
        JsonNode result = Json.MAPPER.readTree(refused.body());
        assertEquals("permissions", result.path("failed_step").asString());
        assertEquals("agent://stranger", result.path("identity").asString());
        assertHealthy();
        HttpResponse<String> allowed = server.post("/execute", "text/markdown", Demo.document(),
                "Authorization", "Bearer " + TOKEN);
        assertEquals(200, allowed.statusCode(), allowed.body());
        assertEquals("agent://drone-security", Json.MAPPER.readTree(allowed.body()).path("identity").asString());
    }

    @Test
    void binaryInvalidUtf8AndEmptyBodiesAre400() throws Exception {
        start(settings());
        for (String route : List.of("/execute", "/lint", "/verify")) {
            assertError(server.post(route, "text/markdown", new byte[] {'#', ' ', 0, 1, 2}), 400, "binary_body");
            assertError(server.post(route, "text/markdown", new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28}), 400,
                    "invalid_utf8");
            assertError(server.post(route, "text/markdown", new byte[0]), 400, "empty_body");
            // Both wrong: NUL bytes say more about the body than its encoding, wherever they are.
            assertError(server.post(route, "text/markdown", new byte[] {'#', (byte) 0xC3, (byte) 0x28, ' ', 0}), 400,
                    "binary_body");
            // An overlong NUL (C0 80) is invalid UTF-8, not a NUL byte.
            assertError(server.post(route, "text/markdown", new byte[] {'#', ' ', (byte) 0xC0, (byte) 0x80}), 400,
                    "invalid_utf8");
        }
        assertError(server.post("/execute", "application/json", "{\"document\": \"\"}"), 400, "empty_body");
        assertError(server.post("/execute", "application/json", "{\"document\": 7}"), 400, "invalid_json");
        assertError(server.post("/execute", "application/json", "{\"doc"), 400, "invalid_json");
        assertError(server.post("/execute", "application/json", "{\"document\": \"x\", \"inputs\": []}"), 400,
                "invalid_json");
    }

    @Test
    void aContentTypeTheRouteDoesNotTakeIs415() throws Exception {
        start(settings());
        String doc = Documents.quantum();
        assertError(server.post("/lint", "text/plain", doc), 415, "unsupported_media_type");
        assertError(server.post("/lint", "application/json", doc), 415, "unsupported_media_type");
        assertError(server.post("/verify", "application/octet-stream", doc), 415, "unsupported_media_type");
        assertError(server.post("/execute", null, doc), 415, "unsupported_media_type");
        assertError(server.post("/execute", "text/markdown; charset=iso-8859-1", doc), 415, "unsupported_charset");
        assertEquals(200, server.post("/lint", "text/markdown; charset=UTF-8", doc).statusCode());
    }

    @Test
    void aBodyOverMaxBodyIs413AndTheConnectionIsNotLeftHanging() throws Exception {
        start(settings().maxBody(1000));
        byte[] big = ("# " + "x".repeat(2000)).getBytes(StandardCharsets.UTF_8);
        JsonNode error = assertError(server.post("/lint", "text/markdown", big), 413, "body_too_large");
        assertTrue(error.path("message").asString().contains("1000 bytes"), error.toString());
        // A client that announces a huge body and never sends it gets its answer and the connection closed.
        try (RawHttp raw = new RawHttp(server.port(), 10_000)) {
            String answer = raw.send("POST /lint HTTP/1.1\r\nHost: x\r\nContent-Type: text/markdown\r\n"
                    + "Content-Length: 50000000\r\n\r\n# x").readAll();
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"body_too_large\""), answer);
            assertTrue(raw.closedByServer(), "the server closes the connection instead of waiting for 50 MB");
        }
        // Chunked, with no length announced: cut off once it passes the limit.
        try (RawHttp raw = new RawHttp(server.port(), 10_000)) {
            String chunk = "x".repeat(600);
            String answer = raw.send("POST /lint HTTP/1.1\r\nHost: x\r\nContent-Type: text/markdown\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + "258\r\n" + chunk + "\r\n" + "258\r\n" + chunk + "\r\n")
                    .readAll();
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(raw.closedByServer());
        }
        assertHealthy();
    }

    @Test
    void anUnknownRouteIs404AndAWrongMethod405WithAllow() throws Exception {
        start(settings());
        String routes = assertError(server.get("/nowhere"), 404, "not_found").path("message").asString();
        assertTrue(routes.contains("POST /execute") && routes.contains("GET /receipts/{name}")
                && routes.contains("GET /openapi.json"), routes);
        assertError(server.get("/execute/"), 404, "not_found");
        HttpResponse<String> get = server.get("/execute");
        assertError(get, 405, "method_not_allowed");
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> post = server.post("/health", "text/markdown", "x");
        assertError(post, 405, "method_not_allowed");
        assertEquals("GET", post.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> delete = server.send(server.request("/receipts/a.mu").DELETE().build());
        assertError(delete, 405, "method_not_allowed");
    }

    @Test
    void aReceiptNameThatLeavesTheReceiptsDirectoryIsRefused() throws Exception {
        Path outside = Files.writeString(root.resolve("secret.mu"), "secret");
        Files.createSymbolicLink(receipts.resolve("link.mu"), outside);
        Files.writeString(receipts.resolve("drone.keyring"), "head keys");
        Files.createDirectory(receipts.resolve("dir.mu"));
        start(settings());
        for (String name : List.of("..%2Fsecret.mu", "%2E%2E", "..", "x%00.mu", "a%5Cb.mu")) {
            HttpResponse<String> answer = server.get("/receipts/" + name);
            assertTrue(answer.statusCode() == 400 || answer.statusCode() == 404, name + ": " + answer.body());
            assertFalse(answer.body().contains("secret"), answer.body());
            assertHealthy();
        }
        assertError(server.get("/receipts/%2E%2E"), 400, "bad_request");
        assertError(server.get("/receipts/link.mu"), 404, "not_found");
        assertError(server.get("/receipts/drone.keyring"), 404, "not_found");
        assertError(server.get("/receipts/dir.mu"), 404, "not_found");
        assertError(server.get("/receipts/absent.mu"), 404, "not_found");
        assertError(server.get("/receipts/"), 400, "bad_receipt_name");
    }

    @Test
    void aDocumentNamingAPathOutsideRootIsRefused() throws Exception {
        Files.writeString(root.getParent().resolve("outside-" + root.getFileName() + ".csv"), "a,b\n1,2\n");
        start(settings());
        String doc = Documents.of("security_workflow", "agent://local",
                "## Context\ndataset: ../outside-" + root.getFileName() + ".csv\n");
        HttpResponse<String> refused = server.post("/execute", "text/markdown", doc);
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("outside the document's tree"), refused.body());
        assertHealthy();
    }

    @Test
    void moreThanMaxConcurrentRequestsAre503WithRetryAfter() throws Exception {
        start(settings().maxConcurrent(1));
        String stalled = "POST /lint HTTP/1.1\r\nHost: x\r\nContent-Type: text/markdown\r\nContent-Length: 100\r\n\r\n# x";
        try (RawHttp holding = new RawHttp(server.port(), 10_000); RawHttp queued = new RawHttp(server.port(), 10_000)) {
            // One request holds the only slot (its body never ends), one waits in the queue; the next is refused.
            // Until both stalled requests reached the server, a lint may still get through: it is retried.
            holding.send(stalled);
            queued.send(stalled);
            HttpResponse<String> rejected = lintUntil(503);
            assertError(rejected, 503, "overloaded");
            assertEquals(JsonErrorHandler.RETRY_AFTER, rejected.headers().firstValue("Retry-After").orElse(""));
        }
        // The stalled clients gone, their slots come free (as soon as the server sees the connections close).
        assertEquals(200, lintUntil(200).statusCode());
    }

    /** POST /lint until the answer has {@code status} (ten seconds at most); the last answer. */
    private HttpResponse<String> lintUntil(int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpResponse<String> answer = server.post("/lint", "text/markdown", Documents.quantum());
        while (answer.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
            answer = server.post("/lint", "text/markdown", Documents.quantum());
        }
        return answer;
    }

    @Test
    void aClientSendingOneBytePerSecondIsCutOff() throws Exception {
        start(settings().requestTimeout(Duration.ofSeconds(1)));
        trickle("POST /lint HTTP/1.1\r\nHost: x\r\nContent-Type: text/markdown\r\nContent-Length: 1000\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII), 0);
        trickle("POST /lint HTTP/1.1\r\nHost: x\r\nContent-Type: text/markdown\r\nContent-Length: 1000\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII), 1);
        assertHealthy();
    }

    /**
     * Sends the request one byte per second from byte {@code start} ({@code 0}: the headers trickle;
     * the whole header at once: the body trickles) and expects the server to close within ten seconds.
     */
    private void trickle(byte[] headers, int bodyOnly) throws Exception {
        try (RawHttp raw = new RawHttp(server.port(), 1000)) {
            if (bodyOnly == 1) {
                raw.send(headers);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int i = 0;
            boolean cut = false;
            while (System.nanoTime() < deadline && !cut) {
                try {
                    raw.send(new byte[] {bodyOnly == 1 ? (byte) 'x' : headers[i++ % headers.length]});
                } catch (IOException e) {
                    cut = true;
                    break;
                }
                raw.readAll();
                cut = raw.closedByServer();
            }
            assertTrue(cut, "a client trickling one byte per second is cut off");
        }
    }
}
