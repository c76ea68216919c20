package dev.maml.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.run.Identity;
import dev.maml.server.auth.TokenAuthenticator;
import dev.maml.server.testing.Demo;
import dev.maml.server.testing.Documents;
import dev.maml.server.testing.ServerFixture;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * GET /receipts/{name} serves a receipt only to a caller the mirrored source document lets read it
 * (its permissions.read or permissions.write): a receipt is its document, mirrored, and anyone can
 * undo the mirror. The demo's permissions: read agent://drone-sensors, write agent://drone-security,
 * execute agent://local, agent://drone-security and gateway://chimera-head-4.
 */
class ReceiptPermissionTest extends ServerFixture {

    /** Token → identity. */
    private static final Map<String, String> CALLERS = Map.of(
            "security-token", "agent://drone-security",
            "sensors-token", "agent://drone-sensors",
            "head-token", "gateway://chimera-head-4",
            "stranger-token", "agent://stranger");

    private ServeSettings.Builder withTokens(ServeSettings.Builder settings) {
        return settings.authenticator(new TokenAuthenticator(CALLERS.entrySet().stream()
                .map(e -> new TokenAuthenticator.Entry(HexFormat.of().parseHex(TokenAuthenticator.sha256Hex(e.getKey())),
                        Identity.parse(e.getValue()).orElseThrow())).toList()));
    }

    private HttpResponse<String> receipt(String name, String token) throws Exception {
        return server.get("/receipts/" + name, "Authorization", "Bearer " + token);
    }

    @Test
    void onlyCallersTheDocumentLetsReadGetItsReceipt() throws Exception {
        start(withTokens(demoTrusted()));
        HttpResponse<String> run = server.post("/execute", "text/markdown", Demo.document(),
                "Authorization", "Bearer head-token");
        assertEquals(200, run.statusCode(), "gateway://chimera-head-4 may execute the demo: " + run.body());
        String name = Json.MAPPER.readTree(run.body()).path("receipt").asString();
        String stored = Files.readString(receipts.resolve(name));

        for (String reader : List.of("security-token", "sensors-token")) {
            HttpResponse<String> served = receipt(name, reader);
            assertEquals(200, served.statusCode(), reader + ": " + served.body());
            assertEquals(stored, served.body());
        }
        // The caller that ran it may execute the document, not read it; a stranger may do neither.
        for (String refused : List.of("head-token", "stranger-token")) {
            HttpResponse<String> answer = receipt(name, refused);
            assertEquals(403, answer.statusCode(), refused + ": " + answer.body());
            JsonNode error = Json.MAPPER.readTree(answer.body()).path("error");
            assertEquals("forbidden", error.path("code").asString(), answer.body());
            assertTrue(error.path("message").asString().contains("permissions.read"), answer.body());
            assertFalse(answer.body().contains("mu_version"), "nothing of the receipt: " + answer.body());
        }
        assertEquals(401, server.get("/receipts/" + name).statusCode());
    }

    @Test
    void aReceiptWhoseSourceCannotBeReadBackIsServedToNobody() throws Exception {
        Files.writeString(receipts.resolve("forged.mu"), "no header at all\n");
        Files.writeString(receipts.resolve("other-mirror.mu"), "---\ntype: receipt\nmirror: word-reversal\n---\n"
                + Documents.of("quantum_workflow", "agent://*", ""));
        start(withTokens(settings()));
        for (String name : List.of("forged.mu", "other-mirror.mu")) {
            for (String token : CALLERS.keySet()) {
                HttpResponse<String> answer = receipt(name, token);
                assertEquals(403, answer.statusCode(), name + " " + token + ": " + answer.body());
            }
        }
    }

    @Test
    void withoutAuthenticationTheCallerIsAgentLocalAndTheSameRuleHolds() throws Exception {
        start(demoTrusted());
        String local = Json.MAPPER.readTree(server.post("/execute", "text/markdown", Documents.quantum()).body())
                .path("receipt").asString();
        assertEquals(200, server.get("/receipts/" + local).statusCode(), "agent://local may read its document");
        HttpResponse<String> demo = server.post("/execute", "text/markdown", Demo.document());
        assertEquals(200, demo.statusCode(), demo.body());
        String name = Json.MAPPER.readTree(demo.body()).path("receipt").asString();
        assertEquals(403, server.get("/receipts/" + name).statusCode(), "the demo lets agent://local run it, not read it");
    }

    @Test
    void theChainOfADocumentIsServedOnlyToItsReaders() throws Exception {
        start(withTokens(demoTrusted()));
        HttpResponse<String> run = server.post("/execute", "text/markdown", Demo.document(),
                "Authorization", "Bearer head-token");
        assertEquals(200, run.statusCode(), run.body());
        Matcher id = Pattern.compile("(?m)^id: \"?([^\"\n]*)\"?$").matcher(new String(Demo.document(), StandardCharsets.UTF_8));
        assertTrue(id.find(), "the demo has an id");
        String chain = "/receipts?document=" + URLEncoder.encode(id.group(1), StandardCharsets.UTF_8);
        assertEquals(200, server.get(chain, "Authorization", "Bearer sensors-token").statusCode());
        for (String refused : List.of("head-token", "stranger-token")) {
            HttpResponse<String> answer = server.get(chain, "Authorization", "Bearer " + refused);
            assertEquals(403, answer.statusCode(), refused + ": " + answer.body());
            assertFalse(answer.body().contains("mu_version"), "nothing of the receipts: " + answer.body());
        }
    }
}
