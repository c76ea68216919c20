package dev.maml.lsp.server;

import dev.maml.lsp.actions.CodeActionsFeature;
import dev.maml.lsp.outline.SemanticTokensFeature;
import java.util.List;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;

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
        return c;
    }
}
