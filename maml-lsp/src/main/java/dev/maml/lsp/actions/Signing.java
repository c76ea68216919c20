package dev.maml.lsp.actions;

import dev.maml.diagnostic.RuleId;
import dev.maml.lsp.Ranges;
import dev.maml.model.LineIndex;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionDisabled;
import org.eclipse.lsp4j.CodeActionKind;

/**
 * "Sign document" (a source action) and the same signing as the quick fix of MAML070 (unsigned)
 * and MAML071 (the signature does not verify), spec section 12. Signing reads the key and runs
 * ML-DSA, so it happens only at resolve time; a missing key is known at once and disables the action.
 */
final class Signing extends ActionParticipant {

    private final DocumentSigner signer;

    Signing(DocumentSigner signer) {
        super("sign", false);
        this.signer = signer;
    }

    @Override
    List<CodeAction> offer(ActionRequest request) {
        List<CodeAction> out = new ArrayList<>();
        boolean noKey = request.session().identity() == null;
        if (request.wanted(CodeActionsFeature.SIGN_KIND)) {
            out.add(disabledIf(noKey, request.action("Sign document", CodeActionsFeature.SIGN_KIND, name(), "source")));
        }
        List<org.eclipse.lsp4j.Diagnostic> findings = signatureFindings(request);
        if (!findings.isEmpty()) {
            CodeAction fix = request.action(findings.get(0).getCode().getLeft().equals(RuleId.MAML071.name())
                    ? "Sign the document again" : "Sign document", CodeActionKind.QuickFix, name(), "quickfix");
            fix.setDiagnostics(findings);
            out.add(disabledIf(noKey, fix));
        }
        return out;
    }

    @Override
    Resolution resolve(ActionRequest request, ActionData data) {
        DocumentSigner.Outcome signed = signer.sign(request.doc().source(), request.session());
        return signed.text() == null ? Resolution.refused(signed.message()) : Resolution.of(request.replacedBy(signed.text()));
    }

    private static List<org.eclipse.lsp4j.Diagnostic> signatureFindings(ActionRequest request) {
        if (request.lint().result() == null || !request.wanted(CodeActionKind.QuickFix)) {
            return List.of();
        }
        LineIndex lines = request.doc().parsed().lines();
        return request.lint().result().diagnostics().stream()
                .filter(d -> d.rule() == RuleId.MAML070 || d.rule() == RuleId.MAML071)
                .map(d -> request.diagnostics().toLsp(lines, d))
                .filter(d -> Ranges.touch(d.getRange(), request.range()))
                .toList();
    }

    private static CodeAction disabledIf(boolean noKey, CodeAction action) {
        if (noKey) {
            action.setDisabled(new CodeActionDisabled(DocumentSigner.NO_KEY));
        }
        return action;
    }
}
