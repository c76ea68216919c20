package dev.maml.lsp.actions;

import dev.maml.lint.fix.ResignAdvice;
import dev.maml.lsp.LspDocument;
import dev.maml.model.FileKind;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Command;

/**
 * Issue 10: any edit of a signed document's text breaks its signature (the signed bytes are the
 * whole text but the signature line), so an action that edits one must say so and must not be
 * applied unseen. The one place that marks such an action, for every participant whose edit
 * lands in the document (a rule's fix, a disable comment).
 */
final class SignatureWarning {

    static final String TITLE_SUFFIX = "; invalidates the signature";

    private SignatureWarning() {
    }

    /** Whether an edit of {@code doc} invalidates a signature: a MAML document that carries one. */
    static boolean applies(LspDocument doc) {
        return doc.kind() == FileKind.DOCUMENT && ResignAdvice.signed(doc.parsed());
    }

    /**
     * Marks {@code action}, an edit of the signed {@code doc}: the title says it invalidates the
     * signature, it is never the preferred action (an editor may apply that with one key or on
     * save), and after the edit the editor runs the command that tells the user what to sign again.
     */
    static void mark(CodeAction action, LspDocument doc) {
        action.setTitle(action.getTitle() + TITLE_SUFFIX);
        action.setIsPreferred(false);
        action.setCommand(new Command("Sign the document again", CodeActionsFeature.RESIGN_COMMAND, List.of(doc.uri())));
    }
}
