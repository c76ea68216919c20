package dev.maml.lsp.actions;

import org.eclipse.lsp4j.WorkspaceEdit;

/** The edit of a resolved action, or (edit null) the reason the user is given instead. */
record Resolution(WorkspaceEdit edit, String refusal) {

    static Resolution of(WorkspaceEdit edit) {
        return new Resolution(edit, null);
    }

    static Resolution refused(String reason) {
        return new Resolution(null, reason);
    }
}
