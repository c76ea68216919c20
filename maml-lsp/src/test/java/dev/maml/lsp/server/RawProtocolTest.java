package dev.maml.lsp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.maml.lsp.MamlAssert;
import dev.maml.lsp.MamlLanguageService;
import dev.maml.lsp.actions.DocumentSigner;
import dev.maml.lsp.actions.VerificationResult;
import dev.maml.lsp.security.LspWire;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Source;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON-RPC written by hand over in-memory pipes: the protocol's edges, as any client would meet them. */
class RawProtocolTest {

    private static final String TEXT = "---  \nmaml_version: \"2.0.0\"\n---\n## Intent\nx\n";

    @Test
    void requestsTheServerDoesNotServeAreMethodNotFound() throws Exception {
        try (Wire w = Wire.start(MamlAssert.service(), "{}", "{}")) {
            // Declared by LSP4J's service interfaces but not implemented here, never heard of, and a $/ request.
            for (String method : new String[] {"textDocument/references", "textDocument/rename", "workspace/symbol",
                    "textDocument/declaration", "maml/unknown", "$/unknown"}) {
                JsonObject answer = w.request(method, "{\"textDocument\":{\"uri\":\"file:///x.maml.md\"},"
                        + "\"position\":{\"line\":0,\"character\":0},\"newName\":\"y\",\"query\":\"\"}");
                JsonObject error = answer.getAsJsonObject("error");
                assertEquals(-32601, error.get("code").getAsInt(), method + ": " + answer);
                assertFalse(error.has("data"), "no stack trace for the client: " + answer);
            }
            assertEquals("maml lsp does not serve textDocument/references",
                    w.request("textDocument/references", "{\"textDocument\":{\"uri\":\"file:///x.maml.md\"},"
                            + "\"position\":{\"line\":0,\"character\":0},\"context\":{\"includeDeclaration\":true}}")
                            .getAsJsonObject("error").get("message").getAsString());
            // Served requests are untouched.
            assertTrue(w.request("shutdown", null).has("result"));
        }
    }

    @Test
    void aResolvingClientGetsEditsFromResolveAndNoneForAChangedDocument(@TempDir Path dir) throws Exception {
        try (Wire w = Wire.start(MamlAssert.service(), RESOLVES, "{}")) {
            String uri = w.open(dir, TEXT);
            JsonObject fix = w.quickFixAtStart(uri);
            assertFalse(fix.has("edit"), fix::toString);
            assertEquals(1, fix.getAsJsonObject("data").get("version").getAsInt());

            JsonObject resolved = w.request("codeAction/resolve", fix.toString()).getAsJsonObject("result");
            assertEquals("", resolved.getAsJsonObject("edit").getAsJsonObject("changes").getAsJsonArray(uri)
                    .get(0).getAsJsonObject().get("newText").getAsString());

            w.wire.send(LspWire.notification("textDocument/didChange", LspWire.json("{\"textDocument\":{\"uri\":\"" + uri
                    + "\",\"version\":2},\"contentChanges\":[{\"text\":\"x" + TEXT.replace("\n", "\\n").replace("\"", "\\\"")
                    + "\"}]}")));
            JsonObject stale = w.request("codeAction/resolve", fix.toString());
            assertEquals(-32801, stale.getAsJsonObject("error").get("code").getAsInt(), stale::toString);
            assertFalse(stale.has("result"));
        }
    }

    @Test
    void aClientWithoutResolveGetsTheQuickFixEditAtOnce(@TempDir Path dir) throws Exception {
        try (Wire w = Wire.start(MamlAssert.service(), "{}", "{}")) {
            String uri = w.open(dir, TEXT);
            JsonObject fix = w.quickFixAtStart(uri);
            assertTrue(fix.getAsJsonObject("edit").getAsJsonObject("changes").has(uri), fix::toString);
        }
    }

    @Test
    void aFailingParticipantIsLoggedToTheClientAndAnsweredWithAnError(@TempDir Path dir) throws Exception {
        MamlLanguageService service = MamlAssert.service(Optional.of(new Throwing()));
        try (Wire w = Wire.start(service, RESOLVES, "{\"key\":\"k.key\"}")) {
            String uri = w.open(dir, TEXT);
            JsonObject actions = w.request("textDocument/codeAction", "{\"textDocument\":{\"uri\":\"" + uri + "\"},"
                    + "\"range\":{\"start\":{\"line\":3,\"character\":0},\"end\":{\"line\":3,\"character\":0}},"
                    + "\"context\":{\"diagnostics\":[],\"only\":[\"source.maml\"]}}");
            JsonObject sign = actions.getAsJsonArray("result").get(0).getAsJsonObject();
            assertEquals("Sign document", sign.get("title").getAsString());
            assertEquals(3, actions.getAsJsonArray("result").size(), "verify and receipt are still offered");

            w.wire.send(LspWire.request(99, "codeAction/resolve", sign));
            // The log comes first (the participant failed), then the error answer.
            JsonObject logged = w.wire.next(m -> "window/logMessage".equals(LspWire.method(m)), 30);
            assertEquals("maml: the code action participant \"sign\" failed: java.lang.IllegalStateException: no HSM",
                    logged.getAsJsonObject("params").get("message").getAsString());
            JsonObject failed = w.wire.next(m -> m.has("id") && m.get("id").getAsInt() == 99, 30);
            assertEquals(-32603, failed.getAsJsonObject("error").get("code").getAsInt(), failed::toString);
        }
    }

    /** A handler that throws answers -32603 naming the exception, and never a stack trace in {@code data}. */
    @Test
    void anExceptionInAHandlerIsAnsweredWithoutItsStackTrace(@TempDir Path dir) throws Exception {
        MamlLanguageService service = MamlAssert.service(Optional.of(new Throwing()));
        try (Wire w = Wire.start(service, "{}", "{}")) {
            String uri = w.open(dir, TEXT);
            JsonObject verify = w.request("workspace/executeCommand",
                    "{\"command\":\"maml.verifySignature\",\"arguments\":[\"" + uri + "\"]}");
            JsonObject error = verify.getAsJsonObject("error");
            assertEquals(-32603, error.get("code").getAsInt(), verify::toString);
            assertEquals("maml: internal error (java.lang.IllegalStateException: no HSM); the server's standard error"
                    + " has the details", error.get("message").getAsString());
            assertFalse(error.has("data"), verify::toString);

            // Parameters the handler cannot use (no textDocument) fail inside it, on the request pool.
            JsonObject hover = w.request("textDocument/hover", "{\"position\":{\"line\":0,\"character\":0}}");
            assertEquals(-32603, hover.getAsJsonObject("error").get("code").getAsInt(), hover::toString);
            assertTrue(hover.getAsJsonObject("error").get("message").getAsString()
                    .startsWith("maml: internal error (java.lang.NullPointerException"), hover::toString);
            assertFalse(hover.getAsJsonObject("error").has("data"), hover::toString);
            assertTrue(w.request("shutdown", null).has("result"), "the server still serves");
        }
    }

    /**
     * workspace/diagnostic: every MAML file under the workspace folders that is not open, linted
     * as `maml lint DIR` would (skipped directories, the config's ignores), and nothing once the
     * folder is removed; the capabilities say so.
     */
    @Test
    void workspaceDiagnosticsReportTheClosedFilesOfTheFolders(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("a.maml.md"), TEXT);
        java.nio.file.Files.createDirectories(dir.resolve("sub"));
        java.nio.file.Files.writeString(dir.resolve("sub/b.maml.markdown"), TEXT);
        java.nio.file.Files.writeString(dir.resolve("sub/skipped.maml.md"), TEXT);
        java.nio.file.Files.createDirectories(dir.resolve("node_modules"));
        java.nio.file.Files.writeString(dir.resolve("node_modules/c.maml.md"), TEXT);
        java.nio.file.Files.writeString(dir.resolve("notes.md"), TEXT);
        java.nio.file.Files.writeString(dir.resolve(".maml-lint.yaml"), "ignores:\n  - \"sub/skipped.maml.md\"\n");
        String folder = "{\"uri\":\"" + dir.toUri() + "\",\"name\":\"w\"}";
        try (Wire w = Wire.start(MamlAssert.service(), "{\"workspace\":{\"diagnostics\":{\"refreshSupport\":true}}}", "{}",
                ",\"workspaceFolders\":[" + folder + "]")) {
            JsonObject caps = w.initialized.getAsJsonObject("result").getAsJsonObject("capabilities");
            assertTrue(caps.getAsJsonObject("workspace").getAsJsonObject("workspaceFolders").get("supported").getAsBoolean());
            assertTrue(caps.getAsJsonObject("diagnosticProvider").get("workspaceDiagnostics").getAsBoolean(), caps::toString);
            w.open(dir, TEXT); // doc.maml.md: open, so pushed, not pulled

            var items = w.request("workspace/diagnostic", "{\"previousResultIds\":[]}").getAsJsonObject("result")
                    .getAsJsonArray("items");
            java.util.Map<String, JsonObject> byUri = new java.util.TreeMap<>();
            items.forEach(i -> byUri.put(i.getAsJsonObject().get("uri").getAsString(), i.getAsJsonObject()));
            String a = dir.resolve("a.maml.md").toUri().toString();
            String skipped = dir.resolve("sub/skipped.maml.md").toUri().toString();
            assertEquals(java.util.Set.of(a, dir.resolve("sub/b.maml.markdown").toUri().toString(), skipped),
                    byUri.keySet());
            assertEquals("full", byUri.get(a).get("kind").getAsString());
            assertTrue(byUri.get(a).getAsJsonArray("items").toString().contains("\"code\":\"MAML091\""),
                    byUri.get(a)::toString);
            assertEquals(0, byUri.get(skipped).getAsJsonArray("items").size(), "ignored by the config");

            JsonObject pulled = w.request("textDocument/diagnostic",
                    "{\"textDocument\":{\"uri\":\"" + dir.resolve("doc.maml.md").toUri() + "\"}}");
            assertEquals(0, pulled.getAsJsonObject("result").getAsJsonArray("items").size(), pulled::toString);

            w.wire.send(LspWire.notification("workspace/didChangeWorkspaceFolders",
                    LspWire.json("{\"event\":{\"added\":[],\"removed\":[" + folder + "]}}")));
            w.wire.next(m -> "workspace/diagnostic/refresh".equals(LspWire.method(m)), 30); // the editor is asked to pull again
            assertEquals(0, w.request("workspace/diagnostic", "{\"previousResultIds\":[]}").getAsJsonObject("result")
                    .getAsJsonArray("items").size());
        }
    }

    /**
     * workspace/diagnostic leaves out what git ignores, as `maml lint DIR` does: files and
     * directories named in .gitignore files (a deeper one re-including) and in .git/info/exclude.
     */
    @Test
    void workspaceDiagnosticsLeaveOutWhatGitIgnores(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".git/info"));
        Files.writeString(dir.resolve(".git/info/exclude"), "local.maml.md\n");
        Files.writeString(dir.resolve(".gitignore"), "/generated/\n*.tmp.maml.md\n");
        Files.createDirectories(dir.resolve("generated"));
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/.gitignore"), "!keep.tmp.maml.md\n");
        for (String file : List.of("a.maml.md", "local.maml.md", "generated/g.maml.md", "docs/b.tmp.maml.md",
                "docs/keep.tmp.maml.md", "docs/c.mu")) {
            Files.writeString(dir.resolve(file), TEXT);
        }
        String folder = "{\"uri\":\"" + dir.toUri() + "\",\"name\":\"w\"}";
        try (Wire w = Wire.start(MamlAssert.service(), "{}", "{}", ",\"workspaceFolders\":[" + folder + "]")) {
            Set<String> reported = new TreeSet<>();
            w.request("workspace/diagnostic", "{\"previousResultIds\":[]}").getAsJsonObject("result")
                    .getAsJsonArray("items").forEach(i -> reported.add(i.getAsJsonObject().get("uri").getAsString()));
            assertEquals(new TreeSet<>(List.of(dir.resolve("a.maml.md").toUri().toString(),
                    dir.resolve("docs/keep.tmp.maml.md").toUri().toString(), dir.resolve("docs/c.mu").toUri().toString())),
                    reported);
        }
    }

    private static final String RESOLVES = "{\"textDocument\":{\"codeAction\":{\"resolveSupport\":{\"properties\":[\"edit\"]}}}}";

    /** A signer whose every operation throws: a bug in the signing library, as far as the server can tell. */
    private static final class Throwing implements DocumentSigner {
        @Override
        public Outcome sign(Source document, Session session) {
            throw new IllegalStateException("no HSM");
        }

        @Override
        public VerificationResult verify(Source document, Session session) {
            throw new IllegalStateException("no HSM");
        }

        @Override
        public Outcome receipt(Source document, Session session) {
            throw new IllegalStateException("no HSM");
        }
    }

    /** A server on in-memory pipes, initialized with the given client capabilities and settings. */
    private static final class Wire implements AutoCloseable {
        final LspWire wire;
        private final PipedOutputStream toServer;
        private final AtomicInteger ids = new AtomicInteger(1);
        JsonObject initialized;

        private Wire(LspWire wire, PipedOutputStream toServer) {
            this.wire = wire;
            this.toServer = toServer;
        }

        static Wire start(MamlLanguageService service, String capabilities, String settings) throws Exception {
            return start(service, capabilities, settings, "");
        }

        /** @param initialize more fields of {@code initialize}'s params, each with its leading comma */
        static Wire start(MamlLanguageService service, String capabilities, String settings, String initialize)
                throws Exception {
            PipedOutputStream toServer = new PipedOutputStream();
            PipedOutputStream toClient = new PipedOutputStream();
            PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
            PipedInputStream clientIn = new PipedInputStream(toClient, 1 << 16);
            Thread serving = new Thread(() -> {
                try {
                    ServerLauncher.serve(service, serverIn, toClient, code -> { });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "raw-protocol-server");
            serving.setDaemon(true);
            serving.start();
            Wire w = new Wire(new LspWire(clientIn, toServer), toServer);
            w.initialized = w.request("initialize", "{\"capabilities\":" + capabilities + ",\"initializationOptions\":"
                    + settings + initialize + "}");
            w.wire.send(LspWire.notification("initialized", new JsonObject()));
            return w;
        }

        JsonObject request(String method, String params) throws IOException, InterruptedException {
            int id = ids.getAndIncrement();
            wire.send(LspWire.request(id, method, params == null ? null : LspWire.json(params)));
            return wire.next(m -> m.has("id") && m.get("id").getAsInt() == id && !m.has("method"), 30);
        }

        String open(Path dir, String text) throws IOException {
            String uri = dir.resolve("doc.maml.md").toUri().toString();
            wire.send(LspWire.notification("textDocument/didOpen", LspWire.didOpen(uri, text)));
            return uri;
        }

        JsonObject quickFixAtStart(String uri) throws IOException, InterruptedException {
            JsonObject answer = request("textDocument/codeAction", "{\"textDocument\":{\"uri\":\"" + uri + "\"},"
                    + "\"range\":{\"start\":{\"line\":0,\"character\":4},\"end\":{\"line\":0,\"character\":4}},"
                    + "\"context\":{\"diagnostics\":[],\"only\":[\"quickfix\"]}}");
            for (var a : answer.getAsJsonArray("result")) {
                if (a.getAsJsonObject().get("title").getAsString().equals("Remove the trailing whitespace")) {
                    return a.getAsJsonObject();
                }
            }
            throw new AssertionError("no trailing-whitespace fix in " + answer);
        }

        @Override
        public void close() throws IOException {
            toServer.close();
        }
    }
}
