package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.report.Json;
import dev.maml.server.http.MamlHttpServer;
import dev.maml.server.http.ServeSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One engine (spec 11): a document posted to `maml serve` gets what the command line gives the same
 * file in --root: `verify --json`, `lint --format json`'s diagnostics (with --root's config), and
 * `run`'s outcome and exit code as the HTTP status.
 */
class ServeParityTest {

    @TempDir
    Path root;
    @TempDir
    Path receipts;

    private MamlHttpServer server;
    private Path doc;
    private Path pub;

    @BeforeEach
    void start() throws Exception {
        doc = RunFixtures.copyFreshDemo(root);
        pub = root.resolve("keys/demo-only-drone-security.pub");
        Files.writeString(root.resolve(".maml-lint.yaml"), "rules:\n  MAML032: error\n");
        server = new MamlHttpServer(ServeSettings.builder(root).port(0).receipts(receipts).trust(List.of(pub)).build(),
                line -> { });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> post(String route, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.uri() + route))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "text/markdown")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void verifyAnswersWhatVerifyJsonPrints() throws Exception {
        ObjectNode printed = (ObjectNode) Json.MAPPER.readTree(CliRun.of("verify", doc.toString(), "--json", "--trust",
                pub.toString()).out());
        ObjectNode answered = (ObjectNode) Json.MAPPER.readTree(post("/verify", Files.readAllBytes(doc)).body());
        assertEquals(doc.toString(), printed.remove("file").asString());
        assertEquals("posted.maml.md", answered.remove("file").asString());
        assertEquals(printed, answered);
        assertEquals("valid", answered.path("outcome").asString());
    }

    @Test
    void lintAnswersTheDiagnosticsLintJsonPrintsWithRootsConfig() throws Exception {
        byte[] text = (Files.readString(doc) + "\n## Unknown_Section\nx\n").getBytes();
        Path edited = Files.write(root.resolve("edited.maml.md"), text);
        JsonNode printed = Json.MAPPER.readTree(CliRun.of("lint", "--format", "json", edited.toString()).out())
                .path("files").get(0).path("diagnostics");
        JsonNode answered = Json.MAPPER.readTree(post("/lint", text).body()).path("diagnostics");
        assertEquals(printed, answered);
        assertEquals("error", answered.get(answered.size() - 1).path("severity").asString(), "--root's config applies");
    }

    @Test
    void executeHasRunsOutcomeAndExitCodeAsStatus() throws Exception {
        CliRun cli = CliRun.of("run", doc.toString(), "--trust", pub.toString(), "--receipt-dir", receipts.toString());
        HttpResponse<String> answer = post("/execute", Files.readAllBytes(doc));
        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals(200, answer.statusCode());
        JsonNode printed = Json.MAPPER.readTree(cli.out());
        JsonNode answered = Json.MAPPER.readTree(answer.body());
        assertEquals(fieldNames(printed), fieldNames(answered));
        assertEquals(printed.path("status"), answered.path("status"));
        assertEquals(printed.path("document_signature"), answered.path("document_signature"));
    }

    private static List<String> fieldNames(JsonNode node) {
        return List.copyOf(node.propertyNames());
    }
}
