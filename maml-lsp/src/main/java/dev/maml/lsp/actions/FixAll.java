package dev.maml.lsp.actions;

import dev.maml.lint.fix.Fixer;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;

/**
 * "Fix all MAML problems": the same {@link Fixer} passes as `maml lint --fix`, safe fixes only
 * (Ruff's semantics): a fix-all may run on save or from one key, without the user looking at a
 * fix that invents a new random id or changes a signed document's bytes. Such an unsafe fix stays
 * available as its own quick fix ({@link QuickFixes}), which says when it invalidates the
 * signature. Offered when the lint found something with a safe fix; the passes run only at resolve
 * time. The title counts those findings (the passes may fix a few more that the first fixes reveal).
 */
final class FixAll extends ActionParticipant {

    FixAll() {
        super("fixAll", false);
    }

    @Override
    List<CodeAction> offer(ActionRequest request) {
        long fixable = request.fixable().stream().filter(d -> d.fix().safe()).count();
        if (fixable == 0 || !request.wanted(CodeActionsFeature.FIX_ALL_KIND)) {
            return List.of();
        }
        return List.of(request.action("Fix all MAML problems (" + fixable + ")", CodeActionsFeature.FIX_ALL_KIND, name(),
                "all"));
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
