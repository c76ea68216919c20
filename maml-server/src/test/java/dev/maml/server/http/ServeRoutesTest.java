package dev.maml.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.lint.LintResult;
import dev.maml.report.DiagnosticJson;
import dev.maml.report.Json;
import dev.maml.server.testing.Demo;
import dev.maml.server.testing.Documents;
import dev.maml.server.testing.ServerFixture;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Source;
import dev.maml.toolchain.Toolchain;
import dev.maml.trust.TrustSettings;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Every route of spec 11.1's table answering what the spec says, the demo run with and without trust. */
class ServeRoutesTest extends ServerFixture {

    @Test
    void healthSaysOk() throws Exception {
        start(settings());
        HttpResponse<String> health = server.get("/health");
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"ok\"}", health.body().strip());
        assertEquals("application/json", health.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void theDemoRunsWithItsKeyTrustedAndWritesItsReceipt() throws Exception {
        start(demoTrusted());
        HttpResponse<String> run = server.post("/execute", "text/markdown", Demo.document());
        assertEquals(200, run.statusCode(), run.body());
        JsonNode result = Json.MAPPER.readTree(run.body());
        assertEquals("ok", result.path("status").asString());
        assertEquals("agent://local", result.path("identity").asString());
        assertEquals(PostedDocuments.NAME, result.path("document").asString(), "not the temporary file");
        assertEquals("valid", result.path("document_signature").path("outcome").asString());
        String receipt = result.path("receipt").asString();
        assertFalse(receipt.contains("/"), receipt);
        assertTrue(Files.isRegularFile(receipts.resolve(receipt)), receipt);

        // The demo lets agent://local run it but not read it, so not fetch its receipt (ReceiptPermissionTest).
        assertEquals(403, server.get("/receipts/" + receipt).statusCode());
    }

    @Test
    void aReceiptIsServedAsTextMarkdown() throws Exception {
        start(settings());
        HttpResponse<String> run = server.post("/execute", "text/markdown", Documents.quantum());
        assertEquals(200, run.statusCode(), run.body());
        String receipt = Json.MAPPER.readTree(run.body()).path("receipt").asString();
        HttpResponse<String> served = server.get("/receipts/" + receipt);
        assertEquals(200, served.statusCode());
        assertEquals(Files.readString(receipts.resolve(receipt)), served.body());
        assertTrue(served.headers().firstValue("Content-Type").orElse("").startsWith("text/markdown"));
    }

    @Test
    void theDemoIsRefusedWhenItsKeyIsInNoTrustStore() throws Exception {
        Demo.copyInto(root);
        start(settings());
        HttpResponse<String> run = server.post("/execute", "text/markdown", Demo.document());
        assertEquals(403, run.statusCode(), run.body());
        JsonNode result = Json.MAPPER.readTree(run.body());
        assertEquals("failed", result.path("status").asString());
        assertEquals("signature", result.path("failed_step").asString());
        assertEquals(200, server.get("/health").statusCode());
    }

    @Test
    void postedDocumentsLeaveNoTemporaryFileBehind() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = holdingDirectories(tmp);
        start(demoTrusted());
        List<Path> holding = holdingDirectories(tmp).stream().filter(p -> !before.contains(p)).toList();
        assertEquals(1, holding.size(), "the server holds posted documents in one private directory");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(holding.get(0))));
        assertEquals(200, server.post("/execute", "text/markdown", Demo.document()).statusCode());
        assertEquals(400, server.post("/execute", "text/markdown", "---\nbroken: [\n").statusCode());
        assertEquals(403, server.post("/execute", "text/markdown",
                Documents.of("quantum_workflow", "agent://other", "## Context\nx: 1\n")).statusCode());
        try (Stream<Path> left = Files.list(holding.get(0))) {
            assertEquals(List.of(), left.toList(), "every run removes its temporary file");
        }
        server.close();
        assertFalse(Files.exists(holding.get(0)), "the stop removes the directory");
    }

    private static List<Path> holdingDirectories(Path tmp) throws IOException {
        try (Stream<Path> all = Files.list(tmp)) {
            return all.filter(p -> p.getFileName().toString().startsWith("maml-serve-") && Files.isDirectory(p)).toList();
        }
    }

    @Test
    void executeTakesJsonWithInputs() throws Exception {
        start(demoTrusted());
        String body = Json.compact(Json.object().put("document", new String(Demo.document(), "UTF-8"))
                .set("inputs", Json.object().put("qkd_bits", 256)));
        HttpResponse<String> run = server.post("/execute", "application/json", body);
        assertEquals(200, run.statusCode(), run.body());
        assertEquals(256, Json.MAPPER.readTree(run.body()).path("qkd").path("raw").asInt(), run.body());
    }

    @Test
    void lintAnswersTheDiagnosticsAsLintJsonWritesThem() throws Exception {
        start(settings());
        HttpResponse<String> lint = server.post("/lint", "text/markdown", "---\nmaml_version: \"2.0.0\"\n---\n## Intent\nx\n");
        assertEquals(200, lint.statusCode(), lint.body());
        JsonNode diagnostics = Json.MAPPER.readTree(lint.body()).path("diagnostics");
        assertTrue(diagnostics.isArray() && !diagnostics.isEmpty(), lint.body());
        JsonNode first = diagnostics.get(0);
        for (String field : List.of("rule", "alias", "severity", "message", "line", "column", "endLine", "endColumn",
                "fixable")) {
            assertTrue(first.has(field), field + " in " + first);
        }
    }

    /**
     * /lint lints the text it decoded while checking the body (not the bytes again): its findings must
     * be the engine's for the same bytes under the same name, for text the checks let through by
     * their fast path (ASCII, other scripts, a BOM, CRLF) and by their exact one (a real U+FFFD).
     */
    @Test
    void lintFindsWhatTheEngineFindsInTheSameBytes() throws Exception {
        start(settings());
        Session session = Session.builder().workingDirectory(root).configWithin(root).includeIgnored()
                .trust(TrustSettings.server(List.of())).build();
        for (String document : List.of(new String(Demo.document(), StandardCharsets.UTF_8), "---\nmaml_version: \"2.0.0\"\n---\n## Intent\nx\n",
                "\uFEFF---\r\nmaml_version: \"2.0.0\"\r\ntitle: \"Dr\u00f6hnen \u65e0\u4eba\u673a \uD83D\uDE80\"\r\n---\r\n## Intent\r\nx\r\n",
                "---\nmaml_version: \"2.0.0\"\n---\n## Intent\nreplaced \uFFFD here\n## Context\n\uFFFD\n")) {
            byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> lint = server.post("/lint", "text/markdown", bytes);
            assertEquals(200, lint.statusCode(), lint.body());
            LintResult engine = new Toolchain().lint(Source.of(bytes, root.toAbsolutePath().normalize()
                    .resolve(PostedDocuments.NAME)), session).result();
            ArrayNode expected = Json.MAPPER.createArrayNode();
            engine.diagnostics().forEach(d -> expected.add(DiagnosticJson.of(d, engine.document().lines())));
            assertFalse(expected.isEmpty(), document);
            assertEquals(withoutInsertedText(expected), withoutInsertedText(Json.MAPPER.readTree(lint.body())
                    .path("diagnostics")), document);
        }
    }

    /** The findings without the text their fixes insert: a new random id and the time differ from lint to lint. */
    private static JsonNode withoutInsertedText(JsonNode diagnostics) {
        JsonNode copy = diagnostics.deepCopy();
        copy.forEach(d -> d.path("fix").path("edits").forEach(edit -> ((ObjectNode) edit).remove("text")));
        return copy;
    }

    @Test
    void verifyAnswersWhatVerifyJsonPrints() throws Exception {
        start(demoTrusted());
        HttpResponse<String> verify = server.post("/verify", "text/markdown", Demo.document());
        assertEquals(200, verify.statusCode(), verify.body());
        JsonNode answer = Json.MAPPER.readTree(verify.body());
        assertEquals("valid", answer.path("outcome").asString());
        assertTrue(answer.path("trusted").asBoolean());
        assertEquals("9869cff0e2003a6b", answer.path("key_id").asString());
    }

    @Test
    void metricsAreTheTextExposition() throws Exception {
        start(settings());
        server.get("/health");
        HttpResponse<String> metrics = server.get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(metrics.body().contains("maml_http_requests_total{code=\"200\",route=\"/health\"} 1"), metrics.body());
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "JVM metrics too");
    }

    @Test
    void everyRequestIsOneLogLine() throws Exception {
        start(settings());
        server.get("/health");
        server.get("/nowhere%0a%1b%5B31m");
        List<String> log = server.awaitLog(2);
        assertEquals(2, log.size(), log.toString());
        assertTrue(log.get(0).contains("\"GET /health\" 200"), log.get(0));
        assertTrue(log.get(1).matches(".*\"GET /nowhere.*\" 400 .*"), log.get(1));
        log.forEach(line -> assertTrue(line.chars().noneMatch(c -> c < 0x20), line));
    }
}
