package dev.maml.lsp.actions;

import java.util.List;
import org.eclipse.lsp4j.CodeAction;

/**
 * One source of code actions (quick fixes, fix-all, signing, receipt, verify). {@link #offer} is
 * cheap and leaves the edit out; {@link #resolve} computes it, through `codeAction/resolve` or at
 * once for a client that cannot resolve. {@link CodeActionsFeature} runs each participant on its
 * own, so one that throws is logged and the others still answer.
 */
interface ActionParticipant {

    /** The participant's name: the action id in {@link ActionData} and the name in logs. */
    String name();

    /** The actions for the request, titled and kinded, with {@link ActionData} and without their edit. */
    List<CodeAction> offer(ActionRequest request);

    /** The edit of an action this participant offered, or why there is none. */
    Resolution resolve(ActionRequest request, ActionData data);

    /**
     * Whether {@link #resolve} costs no more than the lint already done, so a client that cannot
     * resolve gets the edit on every request; otherwise only when it asks for the action's kind.
     */
    boolean cheap();
}
