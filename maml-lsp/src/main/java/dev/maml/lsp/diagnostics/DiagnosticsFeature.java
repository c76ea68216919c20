package dev.maml.lsp.diagnostics;

import dev.maml.diagnostic.Severity;
import dev.maml.lsp.LspDocument;
import dev.maml.lsp.Ranges;
import dev.maml.model.LineIndex;
import dev.maml.toolchain.LintOutcome;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * The findings of `maml lint` for a buffer, as LSP diagnostics: {@code code} is the rule id,
 * {@code source} "maml", {@code codeDescription.href} the rule's page when its address is known.
 * A broken {@code .maml-lint.yaml} becomes one error on the first line (the CLI would stop with exit 2).
 */
public final class DiagnosticsFeature {

    public static final String SOURCE = "maml";

    private final RuleDocs docs;

    public DiagnosticsFeature(RuleDocs docs) {
        this.docs = docs;
    }

    public List<Diagnostic> diagnostics(LspDocument doc, LintOutcome outcome, CancelChecker cancel) {
        return diagnostics(outcome, cancel);
    }

    /** The findings of a lint, placed in the document it linted. */
    public List<Diagnostic> diagnostics(LintOutcome outcome, CancelChecker cancel) {
        if (outcome.ignored()) {
            return List.of();
        }
        if (outcome.configError() != null) {
            Diagnostic d = new Diagnostic(new Range(new Position(0, 0), new Position(0, 0)),
                    "lint configuration: " + outcome.configError(), DiagnosticSeverity.Error, SOURCE);
            return List.of(d);
        }
        LineIndex lines = outcome.result().document().lines();
        List<Diagnostic> out = new ArrayList<>();
        for (dev.maml.diagnostic.Diagnostic d : outcome.result().diagnostics()) {
            cancel.checkCanceled();
            out.add(toLsp(lines, d));
        }
        return out;
    }

    public Diagnostic toLsp(LineIndex lines, dev.maml.diagnostic.Diagnostic d) {
        Diagnostic out = new Diagnostic(Ranges.toLsp(lines, d.range()), d.message(), severity(d.severity()), SOURCE,
                d.rule().id());
        docs.href(d.rule()).ifPresent(href -> out.setCodeDescription(new DiagnosticCodeDescription(href)));
        return out;
    }

    static DiagnosticSeverity severity(Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
            case HINT -> DiagnosticSeverity.Hint;
        };
    }
}
