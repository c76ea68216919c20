package dev.maml.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.run.Identity;
import dev.maml.schema.SchemaValidator;
import dev.maml.server.auth.Authenticator;
import dev.maml.server.mcp.McpConfig;
import dev.maml.server.mcp.McpServers;
import dev.maml.server.testing.ChildProcess;
import dev.maml.server.testing.NpmPeer;
import dev.maml.server.testing.RunningServer;
import dev.maml.testing.ChildProcesses;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * GET /openapi.json on a server built as `maml serve` builds it (MCP mounted at /mcp): the document
 * describes exactly the routes the server has, each documented operation reaches its route, and an
 * independent validator, Redocly CLI (interop/redocly), finds nothing wrong with it.
 */
class OpenApiTest {

    private static final String RECEIPT = "probe.mu";
    private static final Duration LINT_TIMEOUT = Duration.ofMinutes(2);
    /** The fields of an OpenAPI path item that are operations. */
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @TempDir
    static Path root;
    @TempDir
    static Path receipts;
    @TempDir
    static Path work;

    private static McpServers mcp;
    private static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        mcp = new McpServers(McpConfig.of(root, null, List.of()));
        // An authenticator that names an issuer, as --auth oidc's does, so that the discovery routes
        // (RFC 9728), which only --auth oidc registers, are among the routes the document must match.
        Authenticator oidcLike = new Authenticator() {
            @Override
            public Identity authenticate(@Nullable String authorization) {
                return Identity.LOCAL;
            }

            @Override
            public Optional<URI> authorizationServer() {
                return Optional.of(URI.create("https://issuer.example"));
            }
        };
        server = RunningServer.start(RunningServer.settings(root, receipts).authenticator(oidcLike).build(),
                s -> s.mount("/mcp", mcp.http(List.of(), List.of())));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            server.close();
        } finally {
            mcp.close();
        }
    }

    private static HttpResponse<String> served() throws Exception {
        HttpResponse<String> answer = server.get("/openapi.json");
        assertEquals(200, answer.statusCode(), answer.body());
        return answer;
    }

    private static JsonNode document() throws Exception {
        return Json.MAPPER.readTree(served().body());
    }

    @Test
    void servesAnOpenApi31DocumentWithTheBuildsVersion() throws Exception {
        HttpResponse<String> answer = served();
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""));
        JsonNode document = Json.MAPPER.readTree(answer.body());
        assertTrue(document.path("openapi").asString().startsWith("3.1."), answer.body());
        String version = document.path("info").path("version").asString();
        assertFalse(version.isBlank() || version.contains("${"), "info.version not filled in by the build: " + version);
    }

    @Test
    void describesExactlyTheRoutesTheServerHas() throws Exception {
        Set<String> routed = new TreeSet<>();
        server.server().routes().forEach((path, methods) -> methods.forEach(m -> routed.add(m + " " + path)));
        assertEquals(routed, operations(document()));
    }

    @Test
    void everyDocumentedOperationReachesItsRoute() throws Exception {
        Files.writeString(receipts.resolve(RECEIPT), "# receipt\n");
        for (String operation : operations(document())) {
            String[] parts = operation.split(" ", 2);
            String path = parts[1].replace("{name}", RECEIPT).replace("{resource}", "mcp");
            HttpRequest request = server.request(path).method(parts[0], HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> answer = server.send(request);
            assertNotEquals(404, answer.statusCode(), operation + ": " + answer.body());
            assertNotEquals(405, answer.statusCode(), operation + ": " + answer.body());
        }
    }

    @Test
    void aPathThatIsNoRouteIsAnsweredWithTheRoutesMountedOnesIncluded() throws Exception {
        HttpResponse<String> answer = server.get("/nowhere");
        assertEquals(404, answer.statusCode());
        assertTrue(answer.body().contains("DELETE/GET/POST /mcp") && answer.body().contains("GET /openapi.json"),
                answer.body());
    }

    @Test
    void redoclyFindsNothingToReport() throws Exception {
        Path redocly = NpmPeer.installed("redocly");
        Path served = Files.writeString(work.resolve("openapi.json"), served().body());
        ChildProcesses.Finished lint = lint(redocly, served);
        assertEquals(0, lint.code(), lint.output());

        // The configuration fails on warnings too: without a 4XX answer, an operation is only a warning
        // of Redocly's recommended rules.
        ObjectNode broken = (ObjectNode) document();
        ((ObjectNode) broken.path("paths").path("/health").path("get").path("responses")).remove("4XX");
        ChildProcesses.Finished refused = lint(redocly, Files.writeString(work.resolve("broken.json"), Json.pretty(broken)));
        assertNotEquals(0, refused.code(), refused.output());
        assertTrue(refused.output().contains("operation-4xx-response"), refused.output());
    }

    /**
     * A real /lint answer whose findings carry fixes, one safe and one unsafe, validated against the
     * document's LintReport schema (with its Fix and FixEdit); and the schema has teeth: an
     * applicability it does not know, or an edit without its text, is refused.
     */
    @Test
    void aLintAnswerWithFixesMatchesTheLintReportSchema() throws Exception {
        ObjectNode schema = Json.object().put("$ref", "#/components/schemas/LintReport");
        schema.set("components", document().get("components"));
        SchemaValidator validator = SchemaValidator.compile(schema);
        HttpResponse<String> lint = server.post("/lint", "text/markdown",
                "---  \nmaml_version: \"2.0.0\"\nid: x\n---\n## Intent\nx\n");
        assertEquals(200, lint.statusCode(), lint.body());
        ObjectNode answer = (ObjectNode) Json.MAPPER.readTree(lint.body());
        Set<String> applicability = new TreeSet<>();
        answer.path("diagnostics").forEach(d -> applicability.add(d.path("fix").path("applicability").asString("none")));
        assertTrue(applicability.containsAll(List.of("safe", "unsafe")), lint.body());
        assertEquals(List.of(), validator.validate(answer));

        ObjectNode fix = (ObjectNode) answer.path("diagnostics").valueStream().filter(d -> d.has("fix")).findFirst()
                .orElseThrow().path("fix");
        fix.put("applicability", "maybe");
        assertFalse(validator.validate(answer).isEmpty(), "an unknown applicability is refused");
        fix.put("applicability", "safe");
        ((ObjectNode) fix.path("edits").get(0)).remove("text");
        assertFalse(validator.validate(answer).isEmpty(), "an edit without its text is refused");
    }

    private static ChildProcesses.Finished lint(Path redocly, Path file) throws Exception {
        ChildProcesses.Finished lint = ChildProcess.run(redocly, LINT_TIMEOUT, "node", "node_modules/.bin/redocly", "lint",
                "--config", "redocly.yaml", file.toString());
        assertTrue(lint != null, "node is not installed");
        return lint;
    }

    /** "METHOD /path" for every operation of the document (a path item's other fields are no operations). */
    private static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().propertyNames().stream()
                .filter(OPERATIONS::contains)
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }
}
