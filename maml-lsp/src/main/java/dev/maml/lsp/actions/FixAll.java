package dev.maml.lsp.actions;

import dev.maml.lint.fix.Fixer;
import dev.maml.lint.fix.ResignAdvice;
import dev.maml.model.FileKind;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Command;

/**
 * "Fix all MAML problems": the same {@link Fixer} passes as `maml lint --fix`. Offered when the
 * lint found something fixable; the passes run only at resolve time. The title counts the fixable
 * findings (the passes may fix a few more that the first fixes reveal) and, for a signed document,
 * says that the fix breaks the signature (issue 10): any change to a signed document does.
 */
final class FixAll extends ActionParticipant {

    FixAll() {
        super("fixAll", false);
    }

    @Override
    List<CodeAction> offer(ActionRequest request) {
        int fixable = request.fixable().size();
        if (fixable == 0 || !request.wanted(CodeActionsFeature.FIX_ALL_KIND)) {
            return List.of();
        }
        boolean resign = request.doc().kind() == FileKind.DOCUMENT && ResignAdvice.signed(request.doc().parsed());
        CodeAction all = request.action("Fix all MAML problems (" + fixable + ")"
                + (resign ? "; invalidates the signature" : ""), CodeActionsFeature.FIX_ALL_KIND, name(), "all");
        if (resign) {
            // Run by the editor after the edit: tells the user what to sign again.
            all.setCommand(new Command("Sign the document again", CodeActionsFeature.RESIGN_COMMAND,
                    List.of(request.doc().uri())));
        }
        return List.of(all);
    }

    @Override
    Resolution resolve(ActionRequest request, ActionData data) {
        Fixer.FixOutcome fixed = request.linter().fixAll(request.doc());
        if (fixed == null || fixed.text().equals(request.doc().text())) {
            return Resolution.refused("nothing to fix");
        }
        return Resolution.of(request.replacedBy(fixed.text()));
    }
}
