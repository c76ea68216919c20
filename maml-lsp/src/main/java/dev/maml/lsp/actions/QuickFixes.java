package dev.maml.lsp.actions;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.lsp.Ranges;
import dev.maml.model.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.TextEdit;

/** A quick fix for each fixable finding under the cursor: the rule's own fix, already made by the lint. */
final class QuickFixes extends ActionParticipant {

    QuickFixes() {
        super("fix", true);
    }

    @Override
    List<CodeAction> offer(ActionRequest request) {
        if (!request.wanted(CodeActionKind.QuickFix)) {
            return List.of();
        }
        LineIndex lines = request.doc().parsed().lines();
        boolean signed = SignatureWarning.applies(request.doc());
        List<CodeAction> out = new ArrayList<>();
        for (Diagnostic d : request.fixable()) {
            org.eclipse.lsp4j.Diagnostic lsp = request.diagnostics().toLsp(lines, d);
            if (Ranges.touch(lsp.getRange(), request.range())) {
                CodeAction action = request.action(d.fix().title(), CodeActionKind.QuickFix, name(), detail(d));
                action.setDiagnostics(List.of(lsp));
                // Unsafe fixes (a new random id, a signed document) are offered too, but never as the
                // preferred action an editor may apply with one key or on save, nor by Fix all.
                action.setIsPreferred(d.fix().safe());
                if (signed) {
                    SignatureWarning.mark(action, request.doc());
                }
                out.add(action);
            }
        }
        return out;
    }

    @Override
    Resolution resolve(ActionRequest request, ActionData data) {
        LineIndex lines = request.doc().parsed().lines();
        Optional<Diagnostic> finding = request.fixable().stream().filter(d -> detail(d).equals(data.detail())).findFirst();
        return finding.map(d -> Resolution.of(request.edit(d.fix().edits().stream()
                        .map(e -> new TextEdit(Ranges.toLsp(lines, e.range()), e.newText())).toList())))
                .orElseGet(() -> Resolution.refused("the finding this fix was for is gone; ask for code actions again"));
    }

    /** Names the finding: its rule and where it is (offsets), stable for one version and settings. */
    private static String detail(Diagnostic d) {
        return d.rule().name() + "@" + d.range().start() + "-" + d.range().end() + ":" + d.fix().title();
    }
}
