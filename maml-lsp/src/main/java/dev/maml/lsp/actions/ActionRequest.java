package dev.maml.lsp.actions;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.lsp.LspDocument;
import dev.maml.lsp.diagnostics.DiagnosticsFeature;
import dev.maml.toolchain.LintOutcome;
import dev.maml.toolchain.Session;
import dev.maml.lsp.diagnostics.Linter;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * What a participant is asked about: one version of a document, the range and kinds the editor
 * asked for ({@code only} null or empty: every kind), the settings and the lint of this version.
 * A resolve request has no range and no kinds.
 */
record ActionRequest(LspDocument doc, Range range, List<String> only, Linter linter, LintOutcome lint,
                     DiagnosticsFeature diagnostics) {

    /** An action kind is wanted when the editor asked for nothing in particular, or for it or a parent kind. */
    boolean wanted(String kind) {
        return only == null || only.isEmpty() || asked(kind);
    }

    /** The editor named this kind or a parent kind. */
    boolean asked(String kind) {
        return only != null && only.stream().anyMatch(o -> kind.equals(o) || kind.startsWith(o + "."));
    }

    /** The findings of this version that come with a fix. */
    List<Diagnostic> fixable() {
        if (lint.result() == null) {
            return List.of();
        }
        return lint.result().diagnostics().stream()
                .filter(d -> d.fix() != null && !d.fix().edits().isEmpty()).toList();
    }

    /** A new action of {@code participant}, carrying the data that finds it again at resolve time. */
    CodeAction action(String title, String kind, String participant, String detail) {
        CodeAction a = new CodeAction(title);
        a.setKind(kind);
        a.setData(new ActionData(doc.uri(), doc.version(), participant, detail).toJson());
        return a;
    }

    /** The editor's settings as the toolchain takes them: the same session the lint used. */
    Session session() {
        return linter.session();
    }

    /** Edits to this document. */
    WorkspaceEdit edit(List<TextEdit> edits) {
        return new WorkspaceEdit(Map.of(doc.uri(), edits));
    }

    /** This document's text replaced by {@code after}, as one edit over what differs. */
    WorkspaceEdit replacedBy(String after) {
        return edit(List.of(CodeActionsFeature.replaceAll(doc.parsed().lines(), doc.text(), after)));
    }
}
