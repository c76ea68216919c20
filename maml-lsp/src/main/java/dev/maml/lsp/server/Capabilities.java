package dev.maml.lsp.server;

import dev.maml.lsp.actions.CodeActionsFeature;
import dev.maml.lsp.diagnostics.DiagnosticsFeature;
import dev.maml.lsp.outline.SemanticTokensFeature;
import java.util.List;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;

/** What the server tells the editor it can do. */
final class Capabilities {

    private Capabilities() {
    }

    static ServerCapabilities server() {
        ServerCapabilities c = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        c.setTextDocumentSync(sync);
        c.setCompletionProvider(new CompletionOptions(false, List.of(":", " ", "#", "`", "\"", "-")));
        c.setHoverProvider(true);
        CodeActionOptions actions = new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActionKind.Source,
                CodeActionsFeature.FIX_ALL_KIND));
        // Edits are computed by codeAction/resolve (CodeActionsFeature says which, for which client).
        actions.setResolveProvider(true);
        c.setCodeActionProvider(actions);
        c.setExecuteCommandProvider(new ExecuteCommandOptions(CodeActionsFeature.COMMANDS));
        c.setDocumentSymbolProvider(true);
        c.setFoldingRangeProvider(true);
        c.setDocumentFormattingProvider(true);
        c.setDocumentLinkProvider(new DocumentLinkOptions(false));
        c.setDefinitionProvider(true);
        SemanticTokensWithRegistrationOptions tokens = new SemanticTokensWithRegistrationOptions(
                SemanticTokensFeature.LEGEND, true);
        c.setSemanticTokensProvider(tokens);
        WorkspaceFoldersOptions folders = new WorkspaceFoldersOptions();
        folders.setSupported(true);
        folders.setChangeNotifications(true);
        c.setWorkspace(new WorkspaceServerCapabilities(folders));
        // Pull diagnostics for the files that are not open (workspace/diagnostic); open ones are pushed.
        DiagnosticRegistrationOptions diagnostics = new DiagnosticRegistrationOptions(false, true);
        diagnostics.setIdentifier(DiagnosticsFeature.SOURCE);
        c.setDiagnosticProvider(diagnostics);
        return c;
    }
}
