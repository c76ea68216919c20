package dev.maml.lsp.actions;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.lsp.Ranges;
import dev.maml.lsp.suppression.DisableComment;
import dev.maml.model.LineIndex;
import dev.maml.model.Range;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.TextEdit;

/**
 * "Disable MAMLnnn for this line" on every finding under the cursor: writes the inline disable
 * that the lint engine honours ({@link DisableComment}), so `maml lint` stops reporting it too.
 * One action per rule and line, however many findings the rule has there. Never preferred; on a
 * signed document it says it invalidates the signature ({@link SignatureWarning}), as the fixes do.
 */
final class Disables extends ActionParticipant {

    Disables() {
        super("disable", true);
    }

    @Override
    List<CodeAction> offer(ActionRequest request) {
        if (!request.wanted(CodeActionKind.QuickFix) || request.lint().result() == null) {
            return List.of();
        }
        LineIndex lines = request.doc().parsed().lines();
        boolean signed = SignatureWarning.applies(request.doc());
        List<CodeAction> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Diagnostic d : request.lint().result().diagnostics()) {
            org.eclipse.lsp4j.Diagnostic lsp = request.diagnostics().toLsp(lines, d);
            if (!d.rule().suppressibleInline() || !Ranges.touch(lsp.getRange(), request.range())
                    || !seen.add(detail(lines, d))) {
                continue;
            }
            DisableComment.plan(request.doc().parsed(), d.rule(), d.range().start()).ifPresent(plan -> {
                CodeAction action = request.action("Disable " + d.rule().id() + " for " + plan.scope().words(),
                        CodeActionKind.QuickFix, name(), detail(lines, d));
                action.setDiagnostics(List.of(lsp));
                if (signed) {
                    // The comment is a new line of the signed text, like any fix.
                    SignatureWarning.mark(action, request.doc());
                }
                out.add(action);
            });
        }
        return out;
    }

    @Override
    Resolution resolve(ActionRequest request, ActionData data) {
        LineIndex lines = request.doc().parsed().lines();
        Optional<Diagnostic> finding = request.lint().result() == null ? Optional.empty()
                : request.lint().result().diagnostics().stream().filter(d -> detail(lines, d).equals(data.detail()))
                .findFirst();
        return finding.flatMap(d -> DisableComment.plan(request.doc().parsed(), d.rule(), d.range().start()))
                .map(plan -> Resolution.of(request.edit(plan.inserts().stream()
                        .map(i -> new TextEdit(Ranges.toLsp(lines, Range.of(i.offset(), i.offset())), i.text()))
                        .toList())))
                .orElseGet(() -> Resolution.refused("the finding is gone; ask for code actions again"));
    }

    /** The rule and the line its finding starts on: what the comment is about. */
    private static String detail(LineIndex lines, Diagnostic d) {
        return d.rule().id() + "@" + lines.lineOf(d.range().start());
    }
}
