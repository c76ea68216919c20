package dev.maml.report;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Severity;
import dev.maml.lint.LintResult;
import dev.maml.model.LineIndex;
import java.util.List;

/** One linted file as the reports see it: the path to print, its line index, and its findings. */
public record LintedFile(String path, LineIndex lines, List<Diagnostic> diagnostics) {

    public LintedFile {
        diagnostics = List.copyOf(diagnostics);
    }

    public static LintedFile of(String path, LintResult result) {
        return new LintedFile(path, result.document().lines(), result.diagnostics());
    }

    /** This file with its errors only (`maml lint --quiet`, as ESLint's). */
    public LintedFile errorsOnly() {
        return new LintedFile(path, lines, diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList());
    }

    public long count(Severity severity) {
        long n = 0;
        for (int i = 0; i < diagnostics.size(); i++) { // no stream nor iterator: asked of every file of a run
            if (diagnostics.get(i).severity() == severity) {
                n++;
            }
        }
        return n;
    }
}
