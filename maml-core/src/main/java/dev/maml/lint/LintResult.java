package dev.maml.lint;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Severity;
import dev.maml.model.MamlDocument;
import java.util.List;

/** The findings for one document, in document order. */
public record LintResult(MamlDocument document, List<Diagnostic> diagnostics) {

    public LintResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
