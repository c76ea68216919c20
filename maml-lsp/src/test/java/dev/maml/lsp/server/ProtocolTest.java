package dev.maml.lsp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import dev.maml.lsp.MamlAssert;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceDiagnosticParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real LSP4J client talks JSON-RPC to the server over pipes, the whole life of a session. */
class ProtocolTest {

    @Test
    void initializeOpenDiagnoseChangeCompleteHoverFixShutdownExit(@TempDir Path dir) throws Exception {
        try (Session s = Session.start()) {
            InitializeParams init = new InitializeParams();
            init.setProcessId((int) ProcessHandle.current().pid());
            ClientCapabilities capabilities = new ClientCapabilities();
            WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
            workspace.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
            capabilities.setWorkspace(workspace);
            init.setCapabilities(capabilities);
            init.setInitializationOptions(JsonParser.parseString("{\"maml\":{\"severities\":{\"MAML091\":\"warning\"}}}"));
            InitializeResult result = s.server.initialize(init).get(30, TimeUnit.SECONDS);
            assertEquals("maml", result.getServerInfo().getName());
            s.server.initialized(new InitializedParams());
            RegistrationParams watch = s.client.registrations.poll(30, TimeUnit.SECONDS);
            assertEquals("workspace/didChangeWatchedFiles", watch.getRegistrations().get(0).getMethod());
            // The options arrive as JSON, as a client would read them.
            List<String> watched = new ArrayList<>();
            new Gson().toJsonTree(watch.getRegistrations().get(0).getRegisterOptions()).getAsJsonObject()
                    .getAsJsonArray("watchers").forEach(w -> watched.add(w.getAsJsonObject().get("globPattern").getAsString()));
            assertEquals(List.of("**/.maml-lint.yaml", "**/.maml-lint.yml"), watched);

            String uri = dir.resolve("doc.maml.md").toUri().toString();
            String text = "---  \nmaml_version: \"2.0.0\"\n---\n## Intent\nx\n```python\nprint(1)\n";
            s.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(uri, "markdown", 1, text)));
            PublishDiagnosticsParams first = s.client.next(uri);
            assertEquals(1, first.getVersion());
            // Only the two rules this text is about: other rules may report its missing keys.
            assertEquals(List.of("MAML091:Warning", "MAML040:Error"), summary(first, "MAML091", "MAML040"));

            List<Either<Command, CodeAction>> actions = s.server.getTextDocumentService().codeAction(
                    new CodeActionParams(new TextDocumentIdentifier(uri), new Range(new Position(0, 3), new Position(0, 3)),
                            new CodeActionContext(first.getDiagnostics()))).get(30, TimeUnit.SECONDS);
            CodeAction fix = actions.stream().map(Either::getRight)
                    .filter(a -> a.getTitle().equals("Remove the trailing whitespace")).findFirst().orElseThrow();
            assertEquals("quickfix", fix.getKind());
            assertEquals("Remove the trailing whitespace", fix.getTitle());
            assertEquals("", fix.getEdit().getChanges().get(uri).get(0).getNewText());

            Hover hover = s.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                    new Position(5, 2))).get(30, TimeUnit.SECONDS);
            assertTrue(hover.getContents().getRight().getValue().contains("MAML040"));

            // Incremental change: delete the two trailing spaces of the first line.
            TextDocumentContentChangeEvent trim = new TextDocumentContentChangeEvent(
                    new Range(new Position(0, 3), new Position(0, 5)), "");
            s.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, 2), List.of(trim)));
            PublishDiagnosticsParams second = s.client.next(uri);
            assertEquals(2, second.getVersion());
            assertEquals(List.of("MAML040:Error"), summary(second, "MAML091", "MAML040"));

            List<CompletionItem> items = s.server.getTextDocumentService().completion(new CompletionParams(
                    new TextDocumentIdentifier(uri), new Position(5, 3))).get(30, TimeUnit.SECONDS).getRight().getItems();
            assertTrue(items.stream().anyMatch(i -> i.getLabel().equals("python")), items::toString);

            // New settings from the editor: the document is validated again with them.
            s.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
                    JsonParser.parseString("{\"maml\":{\"severities\":{\"fence-unclosed\":\"info\"}}}")));
            assertEquals(List.of("MAML040:Information"), summary(s.client.next(uri), "MAML091", "MAML040"));

            s.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
            assertEquals(List.of(), s.client.next(uri).getDiagnostics());

            s.server.shutdown().get(30, TimeUnit.SECONDS);
            s.server.exit();
            assertEquals(0, s.exitCode.get(30, TimeUnit.SECONDS));
        }
    }

    /**
     * Multi-root: the server asks the editor for each folder's "maml" settings
     * (workspace/configuration, scopeUri = the folder) and lints each document with those of its
     * folder, open or not (workspace/diagnostic); relative paths in them are the folder's; a
     * document in no folder keeps the settings pushed at initialize; a configuration change is
     * pulled again.
     */
    @Test
    void eachWorkspaceFolderHasItsOwnSettings(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createDirectories(b.resolve("lint"));
        Files.writeString(b.resolve("lint/strict.yaml"), "rules:\n  fence-unclosed: warning\n");
        String unclosed = "## Intent\nx\n```python\n";
        Files.writeString(b.resolve("closed.maml.md"), unclosed);
        try (Session s = Session.start()) {
            s.client.configuration.put(a.toUri().toString(), JsonParser.parseString("{\"severities\":{\"MAML040\":\"info\"}}"));
            // VS Code answers a folder's settings relative to nothing: the path is the folder's.
            s.client.configuration.put(b.toUri().toString(), JsonParser.parseString("{\"config\":\"lint/strict.yaml\"}"));
            InitializeParams init = new InitializeParams();
            WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
            workspace.setConfiguration(true);
            ClientCapabilities capabilities = new ClientCapabilities();
            capabilities.setWorkspace(workspace);
            init.setCapabilities(capabilities);
            init.setWorkspaceFolders(List.of(new WorkspaceFolder(a.toUri().toString(), "a"),
                    new WorkspaceFolder(b.toUri().toString(), "b")));
            init.setInitializationOptions(JsonParser.parseString("{\"maml\":{\"severities\":{\"MAML040\":\"hint\"}}}"));
            s.server.initialize(init).get(30, TimeUnit.SECONDS);
            s.server.initialized(new InitializedParams());

            ConfigurationParams asked = s.client.configurationRequests.poll(30, TimeUnit.SECONDS);
            assertEquals(List.of(a.toUri() + " maml", b.toUri() + " maml"), asked.getItems().stream()
                    .map(i -> i.getScopeUri() + " " + i.getSection()).toList());
            String inA = open(s, a.resolve("doc.maml.md"), unclosed);
            String inB = open(s, b.resolve("doc.maml.md"), unclosed);
            String elsewhere = open(s, outside.resolve("doc.maml.md"), unclosed);
            Map<String, List<String>> latest = new java.util.HashMap<>();
            eventually(s, latest, inA, List.of("MAML040:Information"));
            eventually(s, latest, inB, List.of("MAML040:Warning"));
            eventually(s, latest, elsewhere, List.of("MAML040:Hint"));

            var report = s.server.getWorkspaceService().diagnostic(new WorkspaceDiagnosticParams(List.of()))
                    .get(30, TimeUnit.SECONDS).getItems();
            assertEquals(1, report.size(), report::toString);
            assertEquals(List.of("MAML040:Warning"), report.get(0).getWorkspaceFullDocumentDiagnosticReport().getItems()
                    .stream().filter(d -> "MAML040".equals(d.getCode().getLeft()))
                    .map(d -> d.getCode().getLeft() + ":" + d.getSeverity()).toList());

            // The user changes folder a's settings; VS Code says so with didChangeConfiguration.
            s.client.configuration.put(a.toUri().toString(), JsonParser.parseString("{\"severities\":{\"MAML040\":\"off\"}}"));
            s.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
                    JsonParser.parseString("{\"maml\":{\"severities\":{\"MAML040\":\"hint\"}}}")));
            eventually(s, latest, inA, List.of());
            assertEquals(List.of("MAML040:Warning"), latest.get(inB));
        }
    }

    private static String open(Session s, Path file, String text) {
        String uri = file.toUri().toString();
        s.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "markdown", 1, text)));
        return uri;
    }

    /**
     * Waits until the latest diagnostics published for {@code uri} have {@code expected} as their
     * MAML040 findings (a later pull may replace earlier ones); {@code latest} keeps what was read
     * for the other documents meanwhile.
     */
    private static void eventually(Session s, Map<String, List<String>> latest, String uri, List<String> expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!expected.equals(latest.get(uri))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(uri + ": expected " + expected + ", last published " + latest.get(uri));
            }
            PublishDiagnosticsParams p = s.client.diagnostics.poll(100, TimeUnit.MILLISECONDS);
            if (p != null) {
                latest.put(p.getUri(), summary(p, "MAML040"));
            }
        }
    }

    @Test
    void exitWithoutShutdownIsExitCodeOne() throws Exception {
        try (Session s = Session.start()) {
            s.server.initialize(new InitializeParams()).get(30, TimeUnit.SECONDS);
            s.server.exit();
            assertEquals(1, s.exitCode.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void serverExitsWhenTheEditorProcessDies() throws Exception {
        Process editor = new ProcessBuilder("sleep", "600").start();
        try (Session s = Session.start()) {
            InitializeParams init = new InitializeParams();
            init.setProcessId((int) editor.pid());
            s.server.initialize(init).get(30, TimeUnit.SECONDS);
            assertTrue(!s.exitCode.isDone());
            editor.destroy();
            assertEquals(1, s.exitCode.get(30, TimeUnit.SECONDS));
        } finally {
            editor.destroyForcibly();
        }
    }

    @Test
    void aChangedLintConfigChangesTheDiagnostics(@TempDir Path dir) throws Exception {
        Path config = dir.resolve(".maml-lint.yaml");
        Files.writeString(config, "rules:\n  fence-unclosed: warning\n");
        try (Session s = Session.start()) {
            s.server.initialize(new InitializeParams()).get(30, TimeUnit.SECONDS);
            String uri = dir.resolve("doc.maml.md").toUri().toString();
            s.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(uri, "markdown", 1, "## Intent\nx\n```python\n")));
            assertTrue(summary(s.client.next(uri)).contains("MAML040:Warning"));

            Files.writeString(config, "rules:\n  fence-unclosed: off\n");
            s.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                    List.of(new FileEvent(config.toUri().toString(), FileChangeType.Changed))));
            assertTrue(summary(s.client.next(uri)).stream().noneMatch(d -> d.startsWith("MAML040")));
        }
    }

    @Test
    void aBadSeverityWordIsLoggedToTheEditorNotDroppedSilently(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".maml-lint.yaml"), "rules:\n  fence-unclosed: warning\n");
        try (Session s = Session.start()) {
            s.server.initialize(new InitializeParams()).get(30, TimeUnit.SECONDS);
            String uri = dir.resolve("doc.maml.md").toUri().toString();
            s.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(uri, "markdown", 1, "## Intent\nx\n```python\n")));
            assertEquals(List.of("MAML040:Warning"), summary(s.client.next(uri), "MAML040"));

            s.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
                    JsonParser.parseString("{\"maml\":{\"severities\":{\"fence-unclosed\":\"loud\",\"MAML999\":\"off\"}}}")));
            MessageParams logged = s.client.logs.poll(30, TimeUnit.SECONDS);
            assertEquals(MessageType.Warning, logged.getType());
            assertEquals("maml: settings: severities: fence-unclosed: unknown severity 'loud' (expected off, on, error, warning,"
                    + " info or hint)", logged.getMessage());
            assertTrue(s.client.logs.poll(30, TimeUnit.SECONDS).getMessage().contains("unknown rule 'MAML999'"));
            // The bad entry is left out: the config file's severity stays.
            assertEquals(List.of("MAML040:Warning"), summary(s.client.next(uri), "MAML040"));

            s.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
                    JsonParser.parseString("{\"maml\":{\"severities\":{\"fence-unclosed\":\"on\"}}}")));
            // `on` keeps the configured severity (the config file's warning), as in the config file.
            assertEquals(List.of("MAML040:Warning"), summary(s.client.next(uri), "MAML040"));
        }
    }

    @Test
    void commandsAnswerWithAMessageShownToTheUser(@TempDir Path dir) throws Exception {
        try (Session s = Session.start()) {
            s.server.initialize(new InitializeParams()).get(30, TimeUnit.SECONDS);
            String uri = dir.resolve("doc.maml.md").toUri().toString();
            s.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(uri, "markdown", 1, "---\na: 1\n---\n")));
            Object answer = s.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(
                    "maml.verifySignature", List.of(uri))).get(30, TimeUnit.SECONDS);
            // This service has no signer: the user is told so rather than left waiting, in the typed answer too.
            @SuppressWarnings("unchecked")
            Map<String, Object> verification = (Map<String, Object>) answer;
            assertEquals("error", verification.get("outcome"));
            assertEquals(false, verification.get("trusted"));
            assertEquals("maml: this build cannot verify signatures", verification.get("message"));
            assertEquals("maml: this build cannot verify signatures",
                    s.client.messages.poll(30, TimeUnit.SECONDS).getMessage());

            @SuppressWarnings("unchecked")
            Map<String, Object> notOpen = (Map<String, Object>) s.server.getWorkspaceService().executeCommand(
                    new ExecuteCommandParams("maml.verifySignature", List.of(dir.resolve("closed.maml.md").toUri().toString())))
                    .get(30, TimeUnit.SECONDS);
            assertEquals("error", notOpen.get("outcome"));
            assertEquals("maml: the document is not open", notOpen.get("message"));
        }
    }

    @Test
    void requestsOnDocumentsNeverOpenedGetEmptyAnswers() throws Exception {
        try (Session s = Session.start()) {
            s.server.initialize(new InitializeParams()).get(30, TimeUnit.SECONDS);
            TextDocumentIdentifier ghost = new TextDocumentIdentifier("file:///nowhere/ghost.maml.md");
            assertEquals(List.of(), s.server.getTextDocumentService().completion(new CompletionParams(ghost,
                    new Position(0, 0))).get(30, TimeUnit.SECONDS).getRight().getItems());
            assertEquals(null, s.server.getTextDocumentService().hover(new HoverParams(ghost, new Position(0, 0)))
                    .get(30, TimeUnit.SECONDS));
        }
    }

    private static List<String> summary(PublishDiagnosticsParams p, String... only) {
        List<String> rules = List.of(only);
        return p.getDiagnostics().stream().filter(d -> rules.isEmpty() || rules.contains(d.getCode().getLeft()))
                .map(d -> d.getCode().getLeft() + ":" + d.getSeverity()).toList();
    }

    /** A server on one end of two pipes, an LSP4J client on the other. */
    static final class Session implements AutoCloseable {
        final RecordingClient client = new RecordingClient();
        final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
        LanguageServer server;
        private final PipedOutputStream toServer = new PipedOutputStream();
        private final PipedOutputStream toClient = new PipedOutputStream();
        private Thread serving;

        static Session start() throws IOException {
            Session s = new Session();
            PipedInputStream serverIn = new PipedInputStream(s.toServer, 1 << 16);
            PipedInputStream clientIn = new PipedInputStream(s.toClient, 1 << 16);
            s.serving = new Thread(() -> {
                try {
                    ServerLauncher.serve(MamlAssert.service(), serverIn, s.toClient, s.exitCode::complete);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "test-server");
            s.serving.setDaemon(true);
            s.serving.start();
            Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(s.client, clientIn, s.toServer);
            launcher.startListening();
            s.server = launcher.getRemoteProxy();
            return s;
        }

        @Override
        public void close() throws IOException {
            toServer.close();
            toClient.close();
        }
    }
}
