package dev.maml.lsp.actions;

import java.util.List;
import org.eclipse.lsp4j.CodeAction;

/**
 * One source of code actions (quick fixes, fix-all, signing, receipt, verify). {@link #offer} is
 * cheap and leaves the edit out; {@link #resolve} computes it, through `codeAction/resolve` or at
 * once for a client that cannot resolve. {@link CodeActionsFeature} runs each participant on its
 * own, so one that throws is logged and the others still answer.
 */
abstract class ActionParticipant {

    private final String name;
    private final boolean cheap;

    /**
     * @param name  the action id in {@link ActionData} and the participant's name in logs
     * @param cheap {@link #resolve} costs no more than the lint already done, so a client that
     *              cannot resolve gets the edit on every request; otherwise only when it asks for
     *              the action's kind
     */
    ActionParticipant(String name, boolean cheap) {
        this.name = name;
        this.cheap = cheap;
    }

    final String name() {
        return name;
    }

    final boolean cheap() {
        return cheap;
    }

    /** The actions for the request, titled and kinded, with {@link ActionData} and without their edit. */
    abstract List<CodeAction> offer(ActionRequest request);

    /** The edit of an action this participant offered, or why there is none. */
    abstract Resolution resolve(ActionRequest request, ActionData data);
}
