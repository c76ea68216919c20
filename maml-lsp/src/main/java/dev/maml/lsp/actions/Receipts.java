package dev.maml.lsp.actions;

import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionDisabled;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.CreateFileOptions;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * "Create receipt": a new `.mu` file next to the document, created through the editor. Drafting
 * reads and parses the other receipts of the directory (the chain), so it happens only at resolve
 * time; an unsaved buffer, which has no directory, is known at once and disables the action.
 */
final class Receipts extends ActionParticipant {

    private final DocumentSigner signer;

    Receipts(DocumentSigner signer) {
        super("receipt", false);
        this.signer = signer;
    }

    @Override
    List<CodeAction> offer(ActionRequest request) {
        if (!request.wanted(CodeActionsFeature.RECEIPT_KIND)) {
            return List.of();
        }
        CodeAction create = request.action("Create receipt", CodeActionsFeature.RECEIPT_KIND, name(), "create");
        if (request.doc().path() == null) {
            create.setDisabled(new CodeActionDisabled(DocumentSigner.UNSAVED));
        }
        return List.of(create);
    }

    @Override
    Resolution resolve(ActionRequest request, ActionData data) {
        DocumentSigner.Outcome receipt = signer.receipt(request.doc().source(), request.session());
        if (receipt.text() == null || receipt.file() == null) {
            return Resolution.refused(receipt.message());
        }
        String uri = receipt.file().toUri().toString();
        TextDocumentEdit content = new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, null),
                List.of(Either.forLeft(new TextEdit(new Range(new Position(0, 0), new Position(0, 0)), receipt.text()))));
        return Resolution.of(new WorkspaceEdit(List.of(
                Either.<TextDocumentEdit, ResourceOperation>forRight(new CreateFile(uri, new CreateFileOptions(true, false))),
                Either.<TextDocumentEdit, ResourceOperation>forLeft(content))));
    }
}
