package dev.maml.run;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.io.InputFiles;
import dev.maml.lint.LintResult;
import dev.maml.lint.LintSettings;
import dev.maml.lint.config.ConfigResolver;
import dev.maml.lint.config.LintConfigException;
import dev.maml.model.FileKind;
import dev.maml.toolchain.Linting;
import dev.maml.model.LineIndex;
import dev.maml.yaml.YamlScalar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;

/**
 * Step 1: parse and lint with the document's `.maml-lint.yaml`; any error stops the run (exit 2).
 * The signature rules (MAML070-073) are left out: signatures are step 2, with their own exit codes.
 */
final class LintGate {

    static final Set<RuleId> SIGNATURE_RULES = EnumSet.of(RuleId.MAML070, RuleId.MAML071, RuleId.MAML072,
            RuleId.MAML073);
    /** Enough to act on; the full list is what `maml lint` is for. */
    private static final int SHOWN_ERRORS = 20;

    private LintGate() {
    }

    static void check(RunContext ctx) throws RunFailure {
        Path file = ctx.document.toAbsolutePath().normalize();
        try {
            ctx.bytes = InputFiles.read(file);
        } catch (IOException e) {
            throw new RunFailure(RunFailure.INVALID, Messages.of(e));
        }
        LintSettings settings;
        try {
            settings = ConfigResolver.discovering().forDocument(file).settingsFor(file);
        } catch (LintConfigException e) {
            throw new RunFailure(RunFailure.INVALID, e.getMessage());
        }
        LintResult linted = Linting.lint(ctx.bytes, FileKind.DOCUMENT, settings);
        ctx.doc = linted.document();
        ctx.type = ctx.doc.optionalFrontMatter().flatMap(f -> f.mapping()).flatMap(m -> m.scalar("type"))
                .map(YamlScalar::value).orElse(null);
        List<Diagnostic> errors = linted.diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR && !SIGNATURE_RULES.contains(d.rule())).toList();
        if (errors.isEmpty()) {
            return;
        }
        LineIndex lines = ctx.doc.lines();
        ArrayNode shown = ctx.result().putArray("lint_errors");
        for (Diagnostic d : errors.subList(0, Math.min(SHOWN_ERRORS, errors.size()))) {
            shown.addObject().put("rule", d.rule().id()).put("alias", d.rule().alias())
                    .put("line", lines.displayLine(d.range().start()))
                    .put("column", lines.displayColumn(d.range().start()))
                    .put("message", d.message());
        }
        Diagnostic first = errors.get(0);
        throw new RunFailure(RunFailure.INVALID, errors.size() + " lint error" + (errors.size() == 1 ? "" : "s")
                + "; first: " + ctx.document + ":" + lines.displayLine(first.range().start()) + ":"
                + lines.displayColumn(first.range().start()) + ": " + first.rule().id() + "/" + first.rule().alias()
                + " " + first.message() + " (run `maml lint` for all, `maml lint --fix` to repair what it can)");
    }
}
