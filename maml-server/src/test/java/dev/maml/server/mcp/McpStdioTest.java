package dev.maml.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.report.LintReport;
import dev.maml.report.LintedFile;
import dev.maml.run.Identity;
import dev.maml.run.Pipeline;
import dev.maml.sandbox.Sandbox;
import dev.maml.schema.FrontMatterSchema;
import dev.maml.server.testing.McpFixtures;
import dev.maml.server.testing.McpWire;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.KeyId;
import dev.maml.testing.TestData;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Source;
import dev.maml.toolchain.Toolchain;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The MCP tools and resources over the stdio transport, in-process, with raw JSON-RPC lines. */
class McpStdioTest {

    @TempDir
    Path workflows;

    @TempDir
    Path keys;

    private McpServers servers;
    private McpWire wire;
    private final CountDownLatch ended = new CountDownLatch(1);

    private McpWire start(McpConfig config, Identity caller) throws Exception {
        Pipe toServer = Pipe.open();
        Pipe fromServer = Pipe.open();
        servers = new McpServers(config);
        servers.stdio(Channels.newInputStream(toServer.source()), Channels.newOutputStream(fromServer.sink()), caller,
                ended::countDown);
        wire = new McpWire(Channels.newOutputStream(toServer.sink()), Channels.newInputStream(fromServer.source()));
        wire.initialize();
        return wire;
    }

    private McpWire start() throws Exception {
        return start(McpConfig.of(workflows, null, List.of()), Identity.LOCAL);
    }

    @AfterEach
    void stop() throws Exception {
        if (wire != null) {
            wire.close();
        }
        if (servers != null) {
            servers.close();
        }
    }

    private static List<String> names(JsonNode toolsList) {
        List<String> names = new ArrayList<>();
        toolsList.get("result").get("tools").forEach(t -> names.add(t.get("name").asString()));
        return names;
    }

    @Test
    void everyToolHasSchemasAndSignIsOfferedOnlyWithAServerKey() throws Exception {
        JsonNode list = start().request("tools/list", Json.object());
        assertEquals(List.of("lint", "fix", "format", "parse", "verify", "receipt_create", "receipt_verify", "run"), names(list));
        for (JsonNode tool : list.get("result").get("tools")) {
            assertEquals("object", tool.get("inputSchema").get("type").asString(), tool.toString());
            assertEquals("object", tool.get("outputSchema").get("type").asString(), tool.toString());
            assertFalse(tool.get("description").asString().isBlank());
        }
        stop();
        Path key = McpFixtures.keyPair(keys);
        assertTrue(names(start(McpConfig.of(workflows, key, List.of()), Identity.LOCAL).request("tools/list", Json.object()))
                .contains("sign"));
    }

    /** The JSON with the new random UUID of MAML012's fix (one per lint) masked: the rest must be equal. */
    private static String freshIdsMasked(String json) {
        return json.replaceAll("(\"text\":\"\\\\\"urn:uuid:)[0-9a-f-]{36}", "$1NEW");
    }

    @Test
    void lintReturnsWhatTheToolchainAndMamlLintJsonGive() throws Exception {
        String text = Files.readString(TestData.example());
        JsonNode result = start().call("lint", McpFixtures.document(text).put("name", "drone.maml.md"));
        assertFalse(result.get("isError").asBoolean(), result.toString());
        Session session = Session.builder().workingDirectory(workflows).configWithin(workflows).build();
        JsonNode expected = LintReport.json(List.of(LintedFile.of("drone.maml.md",
                new Toolchain().lint(Source.of(text.getBytes(), null), session).result())));
        assertEquals(freshIdsMasked(Json.compact(expected)), freshIdsMasked(Json.compact(result.get("structuredContent"))));
        assertTrue(result.get("content").get(0).get("text").asString().startsWith("drone.maml.md: 1 error(s)"),
                result.toString());
    }

    @Test
    void aPathMustStayInsideTheWorkflowsDirectory() throws Exception {
        McpFixtures.writeQkdWorkflow(workflows, "qkd.maml.md");
        Path outside = Files.writeString(workflows.getParent().resolve("secret-" + workflows.getFileName() + ".maml.md"), "x");
        Files.createSymbolicLink(workflows.resolve("link.maml.md"), outside);
        start();
        assertFalse(wire.call("parse", Json.object().put("path", "qkd.maml.md")).get("isError").asBoolean());
        assertError(wire.call("parse", Json.object().put("path", "../" + outside.getFileName())), "outside the workflows directory");
        assertError(wire.call("parse", Json.object().put("path", outside.toString())), "outside the workflows directory");
        assertError(wire.call("parse", Json.object().put("path", "link.maml.md")), "a link that leads outside");
        assertError(wire.call("parse", Json.object().put("path", "missing.maml.md")), "no such file");
        assertError(wire.call("parse", Json.object()), "give the document as 'document'");
        assertError(wire.call("parse", Json.object().put("path", "qkd.maml.md").put("document", "x")), "not both");
        Files.delete(outside);
    }

    @Test
    void badInputGetsCleanErrorsAndTheServerKeepsServing() throws Exception {
        start();
        wire.send("this is not JSON");
        JsonNode parseError = wire.next();
        assertEquals(-32700, parseError.get("error").get("code").asInt());
        assertTrue(parseError.get("id").isNull());
        wire.send("{\"jsonrpc\":\"2.0\",\"id\":77,\"params\":{}}");
        JsonNode invalid = wire.next();
        assertEquals(-32600, invalid.get("error").get("code").asInt());
        assertEquals(77, invalid.get("id").asInt());

        JsonNode unknown = wire.call("no_such_tool", Json.object());
        assertEquals(-32602, unknown.get("error").get("code").asInt(), unknown.toString());

        JsonNode violating = wire.call("lint", Json.object().put("document", 42));
        assertTrue(violating.get("isError").asBoolean(), violating.toString());

        String tenMegabytes = "x".repeat(10_000_000);
        assertError(wire.call("lint", McpFixtures.document(tenMegabytes)), "larger than the limit of 2097152 bytes");

        JsonNode after = wire.call("format", McpFixtures.document("---\nid: x\n---\n## Intent\nx"));
        assertFalse(after.get("isError").asBoolean(), after.toString());
        assertTrue(after.get("structuredContent").get("changed").asBoolean());
    }

    @Test
    void aRunWhoseQkdAbortsIsAnErrorThatCarriesTheResult() throws Exception {
        McpFixtures.writeQkdWorkflow(workflows, "qkd.maml.md");
        start();
        ObjectNode ok = Json.object().put("path", "qkd.maml.md").put("seed", 1);
        JsonNode fine = wire.call("run", ok);
        assertFalse(fine.get("isError").asBoolean(), fine.toString());
        assertEquals("ok", fine.get("structuredContent").get("status").asString());
        assertEquals("agent://local", fine.get("structuredContent").get("identity").asString());
        // The receipt by its bare name, as /execute gives it, never the server's path: it lies next to the document.
        String receipt = fine.get("structuredContent").get("receipt").asString();
        assertEquals(Path.of(receipt).getFileName().toString(), receipt);
        assertTrue(receipt.endsWith(".mu") && Files.isRegularFile(workflows.resolve(receipt)), receipt);

        ObjectNode eve = Json.object().put("path", "qkd.maml.md").put("seed", 1);
        eve.putObject("inputs").put("eavesdropper", 1.0);
        JsonNode aborted = wire.call("run", eve);
        assertTrue(aborted.get("isError").asBoolean(), aborted.toString());
        assertEquals("failed", aborted.get("structuredContent").get("status").asString());
        assertEquals("qkd.bb84", aborted.get("structuredContent").get("failed_step").asString());
        assertTrue(aborted.get("content").get(0).get("text").asString().contains("BB84 aborted"), aborted.toString());
    }

    @Test
    void aRunRefusesAnIdentityTheDocumentDoesNotAdmit() throws Exception {
        start(McpConfig.of(workflows, null, List.of()), Identity.parse("agent://intruder").orElseThrow());
        JsonNode refused = wire.call("run", McpFixtures.document(McpFixtures.qkdWorkflow("\"agent://ops\"")));
        assertTrue(refused.get("isError").asBoolean(), refused.toString());
        assertEquals("permissions", refused.get("structuredContent").get("failed_step").asString(), refused.toString());
        JsonNode admitted = wire.call("run", McpFixtures.document(McpFixtures.qkdWorkflow("\"agent://intruder\"")));
        assertFalse(admitted.get("isError").asBoolean(), admitted.toString());
        try (var left = Files.list(workflows)) {
            assertEquals(0, left.count(), "a run of text writes nothing into the workflows directory");
        }
    }

    @Test
    void signVerifyAndReceiptsWorkWithTheServersKeyAndTrust() throws Exception {
        Path key = McpFixtures.keyPair(keys);
        Path pub = keys.resolve("k.pub");
        start(McpConfig.of(workflows, key, List.of(pub)), Identity.LOCAL);
        String text = McpFixtures.qkdWorkflow("\"agent://*\"");
        JsonNode signed = wire.call("sign", McpFixtures.document(text));
        assertFalse(signed.get("isError").asBoolean(), signed.toString());
        String signedText = signed.get("structuredContent").get("text").asString();
        assertEquals(KeyId.of(KeyFiles.readPublic(pub)), signed.get("structuredContent").get("key_id").asString());

        JsonNode verified = wire.call("verify", McpFixtures.document(signedText));
        assertEquals("valid", verified.get("structuredContent").get("outcome").asString(), verified.toString());
        JsonNode tampered = wire.call("verify", McpFixtures.document(signedText.replace("Exchange", "Exchanges")));
        assertEquals("invalid", tampered.get("structuredContent").get("outcome").asString(), tampered.toString());

        JsonNode receipt = wire.call("receipt_create", McpFixtures.document(signedText).put("name", "qkd.maml.md"));
        assertFalse(receipt.get("isError").asBoolean(), receipt.toString());
        assertEquals("qkd.mu", receipt.get("structuredContent").get("file").asString());
        assertTrue(receipt.get("structuredContent").get("signed").asBoolean());
        String mu = receipt.get("structuredContent").get("text").asString();
        JsonNode check = wire.call("receipt_verify", Json.object().put("receipt", mu).put("document", signedText));
        assertTrue(check.get("structuredContent").get("valid").asBoolean(), check.toString());
        assertTrue(check.get("structuredContent").get("trusted").asBoolean(), check.toString());
        JsonNode wrongSource = wire.call("receipt_verify", Json.object().put("receipt", mu).put("document", text));
        assertFalse(wrongSource.get("structuredContent").get("valid").asBoolean(), wrongSource.toString());
    }

    /**
     * MAML012's fix of an id that is no UUID invents a new random one: unsafe, so the fix tool leaves
     * it alone unless asked with unsafe_fixes (Ruff's semantics, as maml lint --fix).
     */
    @Test
    void fixAppliesUnsafeFixesOnlyWhenAskedAndParseReturnsItsJson() throws Exception {
        start();
        String broken = McpFixtures.qkdWorkflow("\"agent://*\"").replace("urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e", "slug");
        JsonNode safe = wire.call("fix", McpFixtures.document(broken)).get("structuredContent");
        assertFalse(safe.get("changed").asBoolean(), safe.toString());
        assertEquals(broken, safe.get("text").asString());
        assertEquals(1, safe.get("unsafe_left").asInt(), safe.toString());
        assertEquals(1, safe.get("remaining").get("summary").get("errors").asInt(), safe.toString());

        JsonNode fixed = wire.call("fix", McpFixtures.document(broken).put("unsafe_fixes", true));
        assertFalse(fixed.get("isError").asBoolean(), fixed.toString());
        assertTrue(fixed.get("structuredContent").get("changed").asBoolean());
        assertTrue(fixed.get("structuredContent").get("text").asString().contains("id: \"urn:uuid:"));
        assertEquals(0, fixed.get("structuredContent").get("unsafe_left").asInt());
        assertEquals(0, fixed.get("structuredContent").get("remaining").get("summary").get("errors").asInt());
        assertTrue(wire.call("fix", McpFixtures.document(broken).put("unsafe_fixes", "yes")).get("isError").asBoolean());
        JsonNode parsed = wire.call("parse", McpFixtures.document(broken));
        assertEquals("Intent", parsed.get("structuredContent").get("sections").get(0).get("name").asString());
    }

    /** On a signed document every fix is unsafe: by default its signed bytes are left alone. */
    @Test
    void fixLeavesASignedDocumentAloneUnlessAskedAndThenSaysToSignAgain() throws Exception {
        start();
        String signed = "---  \nmaml_version: \"2.0.0\"\nverification:\n  method: ml-dsa-65\n  signature: \"AAAA\"\n"
                + "---\n## Intent\nx\n";
        JsonNode safe = wire.call("fix", McpFixtures.document(signed)).get("structuredContent");
        assertEquals(signed, safe.get("text").asString());
        assertEquals(0, safe.get("fixes").asInt());
        assertFalse(safe.get("resign").asBoolean());
        assertTrue(safe.get("unsafe_left").asInt() > 0, safe.toString());

        JsonNode unsafe = wire.call("fix", McpFixtures.document(signed).put("unsafe_fixes", true));
        assertTrue(unsafe.get("structuredContent").get("changed").asBoolean(), unsafe.toString());
        assertTrue(unsafe.get("structuredContent").get("resign").asBoolean(), unsafe.toString());
        assertTrue(unsafe.get("content").get(0).get("text").asString().contains("sign it again"), unsafe.toString());
    }

    @Test
    void rulePagesAndTheFrontMatterSchemaAreResources() throws Exception {
        start();
        JsonNode byAlias = wire.request("resources/read", Json.object().put("uri", "maml://rules/id-urn-uuid"));
        assertTrue(byAlias.get("result").get("contents").get(0).get("text").asString().startsWith("# MAML012: id-urn-uuid"));
        JsonNode listed = wire.request("resources/list", Json.object());
        assertTrue(listed.toString().contains("maml://rules/MAML093"), listed.toString());
        JsonNode schema = wire.request("resources/read", Json.object().put("uri", "maml://schema/front-matter"));
        assertEquals(FrontMatterSchema.json(), Json.MAPPER.readTree(schema.get("result").get("contents").get(0).get("text").asString()));
        JsonNode missing = wire.request("resources/read", Json.object().put("uri", "maml://rules/MAML999"));
        assertTrue(missing.get("error").get("message").asString().contains("no lint rule MAML999"), missing.toString());
    }

    @Test
    void theEndOfInputEndsTheServerAfterItsAnswers() throws Exception {
        start();
        wire.send("{\"jsonrpc\":\"2.0\",\"id\":900,\"method\":\"tools/call\",\"params\":{\"name\":\"parse\",\"arguments\":"
                + "{\"document\":\"---\\nid: x\\n---\\n\"}}}");
        wire.endInput();
        assertTrue(ended.await(30, TimeUnit.SECONDS), "the server saw the end of its input");
        assertFalse(wire.responseTo(900).get("result").get("isError").asBoolean(), "the pending call was answered first");
    }

    /**
     * A tool runs on the thread that read its call (immediate execution, for speed); reading must go on
     * meanwhile: a ping and a cancellation sent during a long run are read, the ping answered before
     * the run ends, and the run still answered after.
     */
    @Test
    void aPingIsAnsweredWhileARunIsInProgress() throws Exception {
        McpFixtures.writeQkdWorkflow(workflows, "qkd.maml.md");
        HeldClock held = new HeldClock();
        startWithPipeline(held);
        try {
            wire.send(runCall(500));
            assertTrue(held.entered(1), "the run started");
            wire.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":500}}");
            JsonNode pong = wire.request("ping", Json.object());
            assertTrue(pong.has("result"), pong.toString());
            assertTrue(held.holding(), "answered while the run was still held");
        } finally {
            held.release();
        }
        JsonNode ran = wire.responseTo(500).get("result");
        assertFalse(ran.get("isError").asBoolean(), ran.toString());
        assertEquals("ok", ran.get("structuredContent").get("status").asString());
    }

    /**
     * A client that sends more tool calls than may run at once gets no thread per call: the call over
     * the bound is not started (nor anything after it read) until a running one ends; then every call
     * and the ping behind them are answered.
     */
    @Test
    void toolCallsRunAtMostTheBoundAtOnce() throws Exception {
        McpFixtures.writeQkdWorkflow(workflows, "qkd.maml.md");
        HeldClock held = new HeldClock();
        startWithPipeline(held);
        int calls = StdioTransport.MAX_CALLS + 1;
        try {
            StringBuilder burst = new StringBuilder();
            for (int id = 0; id < calls; id++) {
                burst.append(runCall(600 + id)).append('\n');
            }
            wire.send(burst.toString().strip());
            wire.send("{\"jsonrpc\":\"2.0\",\"id\":599,\"method\":\"ping\"}");
            assertTrue(held.entered(StdioTransport.MAX_CALLS), "the first calls run");
            // Without the bound the last call starts within milliseconds; a second is ample to see it.
            Thread.sleep(1000);
            assertEquals(StdioTransport.MAX_CALLS, held.count(), "the call over the bound waits");
        } finally {
            held.release();
        }
        java.util.Set<Integer> answered = new java.util.HashSet<>();
        while (answered.size() < calls + 1) { // the answers come in the order the runs end
            JsonNode m = wire.next();
            assertTrue(answered.add(m.get("id").asInt()), "answered once: " + m);
            assertTrue(m.has("result"), m.toString());
            if (m.get("id").asInt() != 599) {
                assertFalse(m.get("result").get("isError").asBoolean(), m.toString());
            }
        }
    }

    private static String runCall(int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"run\","
                + "\"arguments\":{\"path\":\"qkd.maml.md\",\"seed\":1}}}";
    }

    /** A stdio server whose runs read {@code clock}, and the initialized wire to it. */
    private void startWithPipeline(Clock clock) throws Exception {
        Pipe toServer = Pipe.open();
        Pipe fromServer = Pipe.open();
        servers = new McpServers(McpConfig.of(workflows, null, List.of()), () -> new Pipeline(clock, Sandbox::detect));
        servers.stdio(Channels.newInputStream(toServer.source()), Channels.newOutputStream(fromServer.sink()), Identity.LOCAL,
                ended::countDown);
        wire = new McpWire(Channels.newOutputStream(toServer.sink()), Channels.newInputStream(fromServer.source()));
        wire.initialize();
    }

    /** A clock that holds every run at its first reading of the time until released; it counts the readings. */
    private static final class HeldClock extends Clock {
        private final CountDownLatch release = new CountDownLatch(1);
        private final AtomicInteger readings = new AtomicInteger();

        @Override
        public Instant instant() {
            readings.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Instant.now();
        }

        /** Waits until {@code n} readings are held (or fails after 30 s). */
        boolean entered(int n) throws InterruptedException {
            for (int tries = 0; tries < 300 && readings.get() < n; tries++) {
                Thread.sleep(100);
            }
            return readings.get() >= n;
        }

        int count() {
            return readings.get();
        }

        boolean holding() {
            return release.getCount() == 1;
        }

        void release() {
            release.countDown();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /**
     * Many requests in flight at once, answered from several threads at the same moment: every one is
     * answered once, each answer a whole line (the SDK's own transport lost answers sent together).
     */
    @Test
    void everyRequestIsAnsweredWhenManyAreInFlight() throws Exception {
        start();
        int calls = 300;
        StringBuilder burst = new StringBuilder();
        for (int id = 1000; id < 1000 + calls; id++) {
            burst.append(id % 3 == 0 ? "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}"
                    : "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"parse\","
                    + "\"arguments\":{\"document\":\"---\\nid: n" + id + "\\n---\\n\"}}}").append('\n');
        }
        wire.send(burst.toString().stripTrailing());
        java.util.Set<Integer> answered = new java.util.HashSet<>();
        while (answered.size() < calls) {
            JsonNode m = wire.next();
            assertTrue(answered.add(m.get("id").asInt()), "answered once: " + m);
            if (m.get("id").asInt() % 3 != 0) {
                assertFalse(m.get("result").get("isError").asBoolean(), m.toString());
            }
        }
    }

    private static void assertError(JsonNode result, String expected) {
        assertTrue(result.path("isError").asBoolean(), result.toString());
        assertTrue(result.get("content").get(0).get("text").asString().contains(expected), result.toString());
    }
}
