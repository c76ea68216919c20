package dev.maml.lsp.actions;

import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Command;

/** "Verify signature": no edit, a command whose answer is a {@link VerificationResult}. */
final class Verify extends ActionParticipant {

    Verify() {
        super("verify", true);
    }

    @Override
    List<CodeAction> offer(ActionRequest request) {
        if (!request.wanted(CodeActionsFeature.VERIFY_KIND)) {
            return List.of();
        }
        CodeAction verify = new CodeAction("Verify signature");
        verify.setKind(CodeActionsFeature.VERIFY_KIND);
        verify.setCommand(new Command("Verify signature", CodeActionsFeature.VERIFY_COMMAND, List.of(request.doc().uri())));
        return List.of(verify);
    }

    @Override
    Resolution resolve(ActionRequest request, ActionData data) {
        return Resolution.refused("verifying is a command, not an edit");
    }
}
