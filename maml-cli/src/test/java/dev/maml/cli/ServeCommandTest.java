package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.server.auth.TokenAuthenticator;
import dev.maml.server.testing.RawHttp;
import dev.maml.testing.ChildProcesses;
import dev.maml.testing.RealParts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** `maml serve` as an operator runs it: ready line, the seed's curl command, SIGTERM, and the refusals at start. */
class ServeCommandTest {

    private static final String TOKEN = "drone-secret-5b21";

    @TempDir
    Path root;
    @TempDir
    Path receipts;

    @Test
    void itServesUntilSigtermThenExitsZero() throws Exception {
        try (ServeProcess serve = ServeProcess.start("--root", root.toString(), "--receipts", receipts.toString(),
                "--port", "0")) {
            assertNotNull(serve.uri(), serve.stderr().toString());
            assertTrue(serve.uri().startsWith("http://127.0.0.1:"), serve.uri());
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(serve.uri() + "/health")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertEquals(0, serve.terminate(), serve.stderr().toString());
            assertTrue(serve.stderr().stream().anyMatch(l -> l.contains("\"GET /health\" 200")), serve.stderr().toString());
            assertTrue(serve.stderr().contains("maml serve: stopped"), serve.stderr().toString());
        }
    }

    @Test
    void aSigtermWithAnMcpEventStreamOpenStopsAtOnceAndEndsTheStream() throws Exception {
        try (ServeProcess serve = ServeProcess.start("--root", root.toString(), "--receipts", receipts.toString(),
                "--port", "0")) {
            assertNotNull(serve.uri(), serve.stderr().toString());
            HttpResponse<String> init = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(serve.uri() + "/mcp")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                            + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                            + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, init.statusCode(), init.body());
            int port = URI.create(serve.uri()).getPort();
            try (RawHttp stream = new RawHttp(port, 2000)) {
                stream.send("GET /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n"
                        + "Mcp-Session-Id: " + init.headers().firstValue("Mcp-Session-Id").orElseThrow() + "\r\n\r\n");
                String head = stream.readAll();
                assertTrue(head.startsWith("HTTP/1.1 200") && head.contains("text/event-stream"), head);

                long began = System.nanoTime();
                assertEquals(0, serve.terminate(), serve.stderr().toString());
                Duration took = Duration.ofNanos(System.nanoTime() - began);
                // A correctness bound, well under the 30 s the stop would otherwise wait for the stream.
                assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "the stop took " + took.toMillis() + " ms");
                assertTrue(serve.stderr().contains("maml serve: stopped"), serve.stderr().toString());
                assertTrue(serve.stderr().stream().noneMatch(l -> l.contains("stopping the server")),
                        serve.stderr().toString());
                String rest = stream.readAll();
                assertTrue(stream.closedByServer(), "the stream's client sees it end: " + rest);
            }
        }
    }

    @Test
    void theSeedsCurlCommandRunsTheDemo() throws Exception {
        Path doc = RunFixtures.copyFreshDemo(root);
        try (ServeProcess serve = ServeProcess.start("--root", root.toString(), "--receipts", receipts.toString(),
                "--port", "0", "--trust", root.resolve("keys/demo-only-drone-security.pub").toString())) {
            assertNotNull(serve.uri(), serve.stderr().toString());
            JsonNode result = Json.MAPPER.readTree(curl("-X", "POST", "-H", "Content-Type: text/markdown",
                    "--data-binary", "@" + doc, serve.uri() + "/execute"));
            assertEquals("ok", result.path("status").asString(), result.toString());
            assertEquals("agent://local", result.path("identity").asString());
            assertTrue(Files.isRegularFile(receipts.resolve(result.path("receipt").asString())));
            assertEquals(0, serve.terminate());
        }
    }

    @Test
    void theSeedsCurlCommandWithABearerToken() throws Exception {
        Path doc = RunFixtures.copyFreshDemo(root);
        Path tokens = Files.writeString(root.resolve("tokens.yaml"), "tokens:\n  - sha256: "
                + TokenAuthenticator.sha256Hex(TOKEN) + "\n    identity: agent://drone-security\n");
        try (ServeProcess serve = ServeProcess.start("--root", root.toString(), "--receipts", receipts.toString(),
                "--port", "0", "--auth", "tokens", "--tokens", tokens.toString(),
                "--trust", root.resolve("keys/demo-only-drone-security.pub").toString())) {
            assertNotNull(serve.uri(), serve.stderr().toString());
            JsonNode result = Json.MAPPER.readTree(curl("-X", "POST", "-H", "Content-Type: text/markdown",
                    "-H", "Authorization: Bearer " + TOKEN, "--data-binary", "@" + doc, serve.uri() + "/execute"));
            assertEquals("ok", result.path("status").asString(), result.toString());
            assertEquals("agent://drone-security", result.path("identity").asString());
            JsonNode refused = Json.MAPPER.readTree(curl("-X", "POST", "-H", "Content-Type: text/markdown",
                    "--data-binary", "@" + doc, serve.uri() + "/execute"));
            assertEquals(401, refused.path("error").path("status").asInt(), refused.toString());
            assertEquals(0, serve.terminate());
        }
    }

    /** MCP over streamable HTTP at /mcp: behind the same bearer authentication as every other route. */
    @Test
    void mcpIsServedAtSlashMcpToAuthenticatedCallersOnly() throws Exception {
        Path tokens = Files.writeString(root.resolve("tokens.yaml"), "tokens:\n  - sha256: "
                + TokenAuthenticator.sha256Hex(TOKEN) + "\n    identity: agent://drone-security\n");
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}";
        try (ServeProcess serve = ServeProcess.start("--root", root.toString(), "--receipts", receipts.toString(),
                "--port", "0", "--auth", "tokens", "--tokens", tokens.toString())) {
            assertNotNull(serve.uri(), serve.stderr().toString());
            String answer = curl("-X", "POST", "-H", "Content-Type: application/json",
                    "-H", "Accept: application/json, text/event-stream", "-H", "Authorization: Bearer " + TOKEN,
                    "--data-binary", initialize, serve.uri() + "/mcp");
            assertTrue(answer.contains("\"serverInfo\"") && answer.contains("\"name\":\"maml\""), answer);
            JsonNode refused = Json.MAPPER.readTree(curl("-X", "POST", "-H", "Content-Type: application/json",
                    "-H", "Accept: application/json, text/event-stream", "--data-binary", initialize,
                    serve.uri() + "/mcp"));
            assertEquals(401, refused.path("error").path("status").asInt(), refused.toString());
            assertEquals(0, serve.terminate(), serve.stderr().toString());
        }
    }

    /**
     * Spec 8: servers trust exactly the stores their own configuration names. A project store the
     * operator allowed for the command line (here the demo's own {@code .maml/trusted_keys}, under
     * {@code --root}) does not vouch for what a client posts: the same document {@code maml verify}
     * now calls valid is valid-untrusted to the server, and its run is refused.
     */
    @Test
    void aProjectStoreAllowedForTheCommandLineDoesNotVouchForPostedDocuments(@TempDir Path home) throws Exception {
        Path doc = RunFixtures.copyFreshDemo(root);
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve(".config").toString());
        assertEquals(0, mamlWith(env, "trust", "allow", root.toString()));
        assertEquals(0, mamlWith(env, "verify", doc.toString()), "allowed: the command line trusts the project store");
        try (ServeProcess serve = ServeProcess.start(env, "--root", root.toString(), "--receipts", receipts.toString(),
                "--port", "0")) {
            assertNotNull(serve.uri(), serve.stderr().toString());
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> verify = client.send(post(serve.uri() + "/verify", doc), HttpResponse.BodyHandlers.ofString());
            assertEquals("valid-untrusted", Json.MAPPER.readTree(verify.body()).path("outcome").asString(), verify.body());
            HttpResponse<String> run = client.send(post(serve.uri() + "/execute", doc), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, run.statusCode(), run.body());
            assertEquals(0, serve.terminate(), serve.stderr().toString());
        }
    }

    private static HttpRequest post(String uri, Path doc) throws IOException {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/markdown").POST(HttpRequest.BodyPublishers.ofFile(doc)).build();
    }

    /** `maml ARGS…` in its own JVM with {@code env} added; its exit code. */
    private static int mamlWith(Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.maml(List.of(), args))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        return ChildProcesses.run(builder, ChildProcesses.TIMEOUT).code();
    }

    /** Runs curl with {@code args} as given; its stdout. Skipped without curl, except under CI=true. */
    private static String curl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl"));
        command.addAll(List.of(args));
        ChildProcesses.Finished curl;
        try {
            curl = ChildProcesses.run(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD),
                    Duration.ofSeconds(60));
        } catch (IOException e) {
            RealParts.missing("curl is not installed (apt-get install curl)");
            throw e;
        }
        assertEquals(0, curl.code(), "curl's exit code");
        return curl.output();
    }

    /** `maml serve ARGS…` in-process, which must refuse to start: exit 2 and the message on stderr. */
    private CliRun refused(String... args) {
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.of(args),
                "a configuration maml serve should refuse started a server");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(!run.err().isBlank(), "a message says why");
        assertTrue(run.err().lines().noneMatch(l -> l.startsWith("\tat ")), "no stack trace: " + run.err());
        return run;
    }

    @Test
    void aNonLoopbackBindWithoutAuthenticationIsRefused() {
        CliRun run = refused("serve", "--root", root.toString(), "--port", "0", "--bind", "0.0.0.0");
        assertTrue(run.err().contains("--bind 0.0.0.0 with --auth none"), run.err());
    }

    @Test
    void anUnreadableOrMalformedTokensFileIsRefused() throws IOException {
        String base = root.toString();
        assertTrue(refused("serve", "--root", base, "--port", "0", "--auth", "tokens", "--tokens",
                root.resolve("absent.yaml").toString()).err().contains("absent.yaml: no such file"));
        assertTrue(refused("serve", "--root", base, "--port", "0", "--auth", "tokens").err()
                .contains("--auth tokens needs --tokens FILE"));
        Files.writeString(root.resolve("bad.yaml"), "tokens:\n  - sha256: abc\n    identity: agent://x\n");
        assertTrue(refused("serve", "--root", base, "--port", "0", "--auth", "tokens", "--tokens",
                root.resolve("bad.yaml").toString()).err().contains("sha256 must be 64 hex digits"));
        Files.write(root.resolve("binary.yaml"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0});
        refused("serve", "--root", base, "--port", "0", "--auth", "tokens", "--tokens",
                root.resolve("binary.yaml").toString());
    }

    /** --auth oidc refuses to start when the issuer's discovery document cannot be fetched. */
    @Test
    void oidcWithAnIssuerThatCannotBeReachedAndUnknownModesAreRefused() {
        assertTrue(refused("serve", "--root", root.toString(), "--port", "0", "--auth", "oidc", "--issuer",
                "http://127.0.0.1:1").err().contains("cannot use the OIDC issuer http://127.0.0.1:1"));
        assertTrue(refused("serve", "--root", root.toString(), "--port", "0", "--auth", "oidc").err().contains("--issuer"));
        refused("serve", "--root", root.toString(), "--port", "0", "--auth", "oidc", "--issuer", "ftp://x");
        assertTrue(refused("serve", "--root", root.toString(), "--port", "0", "--auth", "kerberos").err()
                .contains("--auth takes none, tokens or oidc"));
    }

    @Test
    void aMissingRootIsRefused() {
        assertTrue(refused("serve", "--port", "0").err().contains("--root"));
        assertTrue(refused("serve", "--port", "0", "--root", root.resolve("absent").toString()).err()
                .contains("not a directory"));
    }

    @Test
    void badPortsAreRefused() throws IOException {
        refused("serve", "--root", root.toString(), "--port", "70000");
        refused("serve", "--root", root.toString(), "--port", "-1");
        refused("serve", "--root", root.toString(), "--port", "http");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = refused("serve", "--root", root.toString(), "--receipts", receipts.toString(), "--port",
                    Integer.toString(taken.getLocalPort()));
            assertTrue(run.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), run.err());
            assertEquals(1, run.err().lines().count(), "one line: " + run.err());
            assertTrue(!run.err().contains("null"), run.err());
        }
    }

    @Test
    void badLimitsAreRefused() {
        refused("serve", "--root", root.toString(), "--port", "0", "--max-body", "0");
        refused("serve", "--root", root.toString(), "--port", "0", "--max-concurrent", "-3");
        refused("serve", "--root", root.toString(), "--port", "0", "--max-streams", "0");
        refused("serve", "--root", root.toString(), "--port", "0", "--request-timeout", "0");
        refused("serve", "--root", root.toString(), "--port", "0", "--key", root.resolve("absent.key").toString());
    }
}
