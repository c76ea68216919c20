package dev.maml.lsp.server;

import dev.maml.lsp.LspDocument;
import dev.maml.lsp.MamlLanguageService;
import dev.maml.lsp.ServerSettings;
import dev.maml.lsp.actions.CommandAnswer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.WorkspaceDiagnosticParams;
import org.eclipse.lsp4j.WorkspaceDiagnosticReport;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * Settings, config files and workspace folders changing (each folder's settings are asked for
 * again when the editor can answer, then every open document is validated again), the diagnostics of the files that are not open (`workspace/diagnostic`), and the commands
 * behind code actions that answer rather than edit: "Verify signature" answers with a typed
 * {@link dev.maml.lsp.actions.VerificationResult}, also shown to the user as a message.
 */
final class MamlWorkspaceService implements WorkspaceService {

    private final MamlLanguageServer server;
    private final DocumentStore store;
    private final Validator validator;
    private final MamlLanguageService service;
    private final Executor requests;
    private final WorkspaceFolders folders;
    private volatile LanguageClient client;

    MamlWorkspaceService(MamlLanguageServer server, DocumentStore store, Validator validator,
                         MamlLanguageService service, Executor requests, WorkspaceFolders folders) {
        this.server = server;
        this.store = store;
        this.validator = validator;
        this.service = service;
        this.requests = requests;
        this.folders = folders;
    }

    void connect(LanguageClient languageClient) {
        this.client = languageClient;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        server.settings(ServerSettings.from(params.getSettings()));
        server.pullFolderSettings().thenRun(this::revalidate);
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        server.reloadConfig();
        revalidate();
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        return CompletableFutures.computeAsync(requests, cancel -> {
            String uri = service.commandTarget(params);
            LspDocument doc = uri == null ? null : store.get(uri);
            CommandAnswer answer = service.executeCommand(params.getCommand(), doc, server.linter(uri));
            LanguageClient c = client;
            if (c != null) {
                c.showMessage(new MessageParams(answer.ok() ? MessageType.Info : MessageType.Warning, answer.message()));
            }
            return answer;
        });
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
        folders.change(params.getEvent());
        server.pullFolderSettings().thenRun(this::revalidate);
    }

    /**
     * The MAML files of the workspace folders that are not open: what `maml lint` would say of
     * each, so they show in the editor's problem list without being opened.
     */
    @Override
    public CompletableFuture<WorkspaceDiagnosticReport> diagnostic(WorkspaceDiagnosticParams params) {
        return CompletableFutures.computeAsync(requests, cancel -> {
            Set<Path> open = new HashSet<>();
            store.all().forEach(d -> {
                if (d.path() != null) {
                    open.add(d.path().toAbsolutePath().normalize());
                }
            });
            return new WorkspaceDiagnosticReport(service.workspaceDiagnostics(folders.all(), open, server::linter, cancel));
        });
    }

    /** Validates every open document again and asks the editor to pull workspace diagnostics again. */
    void revalidate() {
        for (LspDocument doc : store.all()) {
            validator.schedule(doc.uri(), true);
        }
        server.refreshDiagnostics();
    }
}
