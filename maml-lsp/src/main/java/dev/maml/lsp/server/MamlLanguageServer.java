package dev.maml.lsp.server;

import dev.maml.lint.config.ConfigResolver;
import dev.maml.lsp.MamlLanguageService;
import dev.maml.lsp.ServerSettings;
import dev.maml.lsp.diagnostics.Linter;
import dev.maml.toolchain.Build;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.CodeActionResolveSupportCapabilities;
import org.eclipse.lsp4j.DiagnosticWorkspaceCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The LSP4J entry point. Requests run on a small bounded pool, never on LSP4J's reader thread;
 * a full pool answers with an error rather than blocking the reader. Validation has its own
 * thread, so a long lint never delays completion.
 */
public final class MamlLanguageServer implements LanguageServer, LanguageClientAware {

    private final MamlLanguageService service;
    private final IntConsumer exit;
    private final DocumentStore store = new DocumentStore();
    private final ThreadPoolExecutor requests;
    private final ThreadPoolExecutor validation;
    private final ScheduledThreadPoolExecutor timer;
    private final MamlTextDocumentService documents;
    private final MamlWorkspaceService workspace;
    private final WorkspaceFolders folders = new WorkspaceFolders();
    private final FolderSettings settings;
    private final WarmUp warmUp;
    private volatile LanguageClient client;
    private volatile boolean shutdown;
    private volatile boolean watchesFiles;
    private volatile boolean resolvesCodeActions;
    private volatile boolean refreshesDiagnostics;
    private volatile boolean pullsConfiguration;

    /**
     * @param exit what the {@code exit} notification and a dead parent process do with their exit
     *             code (the CLI exits the JVM; tests record it)
     */
    public MamlLanguageServer(MamlLanguageService service, Path workingDirectory, IntConsumer exit) {
        this.service = service;
        this.exit = exit;
        this.settings = new FolderSettings(workingDirectory);
        this.requests = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
                daemons("maml-lsp-request"), new ThreadPoolExecutor.AbortPolicy());
        this.validation = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemons("maml-lsp-validate"));
        this.timer = new ScheduledThreadPoolExecutor(1, daemons("maml-lsp-debounce"));
        Validator validator = new Validator(store, service, settings::forUri, () -> client, timer, validation);
        this.documents = new MamlTextDocumentService(store, service, validator, settings::forUri, requests,
                () -> resolvesCodeActions, this::log);
        this.workspace = new MamlWorkspaceService(this, store, validator, service, requests, folders);
        this.warmUp = new WarmUp(service, workingDirectory, this::busy,
                () -> validation.getTaskCount() + requests.getTaskCount() + timer.getTaskCount() + documents.answeredInline());
    }

    /** Steps the start-up warm-up has done ({@link WarmUp}). */
    int warmedUp() {
        return warmUp.done();
    }

    /** Whether a validation is queued or running or a request is being answered: the warm-up waits. */
    private boolean busy() {
        return validation.getActiveCount() > 0 || !validation.getQueue().isEmpty()
                || requests.getActiveCount() > 0 || !requests.getQueue().isEmpty();
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        settings(ServerSettings.from(params.getInitializationOptions()));
        folders.initialize(params);
        watchesFiles = Optional.ofNullable(params.getCapabilities()).map(ClientCapabilities::getWorkspace)
                .map(WorkspaceClientCapabilities::getDidChangeWatchedFiles)
                .map(DidChangeWatchedFilesCapabilities::getDynamicRegistration).orElse(false);
        resolvesCodeActions = Optional.ofNullable(params.getCapabilities()).map(ClientCapabilities::getTextDocument)
                .map(TextDocumentClientCapabilities::getCodeAction).map(CodeActionCapabilities::getResolveSupport)
                .map(CodeActionResolveSupportCapabilities::getProperties).map(p -> p.contains("edit")).orElse(false);
        refreshesDiagnostics = Optional.ofNullable(params.getCapabilities()).map(ClientCapabilities::getWorkspace)
                .map(WorkspaceClientCapabilities::getDiagnostics).map(DiagnosticWorkspaceCapabilities::getRefreshSupport)
                .orElse(false);
        pullsConfiguration = Optional.ofNullable(params.getCapabilities()).map(ClientCapabilities::getWorkspace)
                .map(WorkspaceClientCapabilities::getConfiguration).orElse(false);
        Integer parent = params.getProcessId();
        if (parent != null) {
            ParentWatch.exitWhenGone(parent, () -> exit.accept(1));
        }
        warmUp.start(WarmUp.steps());
        InitializeResult result = new InitializeResult(Capabilities.server(), new ServerInfo("maml", Build.version()));
        return CompletableFuture.completedFuture(result);
    }

    /**
     * Asks the editor to report changes of lint configuration files, when it can register
     * watchers dynamically: a changed {@code .maml-lint.yaml} must change the diagnostics, as it
     * would change `maml lint`'s output.
     */
    @Override
    public void initialized(InitializedParams params) {
        LanguageClient c = client;
        if (c != null && watchesFiles) {
            DidChangeWatchedFilesRegistrationOptions options = new DidChangeWatchedFilesRegistrationOptions(
                    List.of(new FileSystemWatcher(Either.forLeft("**/" + ConfigResolver.FILE_NAME)),
                            new FileSystemWatcher(Either.forLeft("**/" + ConfigResolver.SHORT_FILE_NAME))));
            c.registerCapability(new RegistrationParams(List.of(new Registration("maml-lint-config",
                    "workspace/didChangeWatchedFiles", options))));
        }
        if (pullsConfiguration) {
            pullFolderSettings().thenRun(workspace::revalidate);
        }
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        warmUp.stop();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        warmUp.stop();
        requests.shutdownNow();
        validation.shutdownNow();
        timer.shutdownNow();
        exit.accept(shutdown ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    @Override
    public void connect(LanguageClient languageClient) {
        this.client = languageClient;
        workspace.connect(languageClient);
    }

    /**
     * New pushed settings: a new linter (and with it a fresh config cache). What is wrong in them (a
     * bad severity word) is logged to the editor, as `maml lint` reports a bad word in a config
     * file, and the entry is not applied.
     */
    void settings(ServerSettings pushed) {
        tellProblems(List.of(settings.push(pushed)));
    }

    /**
     * Asks the editor for each workspace folder's settings (workspace/configuration with the
     * folder as scopeUri), when it says it can answer; completes once they apply. A failed request
     * leaves the folders on the pushed settings and is logged.
     */
    CompletableFuture<Void> pullFolderSettings() {
        LanguageClient c = client;
        if (c == null || !pullsConfiguration) {
            return CompletableFuture.completedFuture(null);
        }
        List<Path> list = folders.all();
        if (list.isEmpty()) {
            settings.answered(list, List.of());
            return CompletableFuture.completedFuture(null);
        }
        return c.configuration(FolderSettings.request(list))
                .thenAcceptAsync(answers -> tellProblems(settings.answered(list, answers)), requests)
                .exceptionally(e -> {
                    log("maml: workspace/configuration failed: " + e.getMessage());
                    return null;
                });
    }

    private void tellProblems(List<Linter> linters) {
        LanguageClient c = client;
        if (c != null) {
            linters.forEach(l -> l.problems().forEach(p -> c.logMessage(new MessageParams(MessageType.Warning, "maml: settings: " + p))));
        }
    }

    /** Config files may have changed: same settings, config caches dropped. */
    void reloadConfig() {
        settings.reload();
    }

    /** The linter for the document at {@code uri} (null: none): its workspace folder's settings, else the pushed ones. */
    Linter linter(String uri) {
        return settings.forUri(uri);
    }

    /** The linter for a file that is not open (absolute, normalised), as {@link #linter(String)}. */
    Linter linter(Path file) {
        return settings.forPath(file);
    }

    /**
     * Asks the editor to pull workspace diagnostics again (settings, config files or folders
     * changed what they are), when it says it can be asked.
     */
    void refreshDiagnostics() {
        LanguageClient c = client;
        if (c != null && refreshesDiagnostics) {
            c.refreshDiagnostics();
        }
    }

    /** A problem the user cannot act on but a bug report needs, in the client's log (window/logMessage). */
    private void log(String message) {
        LanguageClient c = client;
        if (c != null) {
            c.logMessage(new MessageParams(MessageType.Error, message));
        }
    }


    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
