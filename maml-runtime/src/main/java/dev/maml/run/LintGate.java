package dev.maml.run;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Severity;
import dev.maml.io.FailureText;
import dev.maml.io.InputFiles;
import dev.maml.lint.LintResult;
import dev.maml.lint.LintSettings;
import dev.maml.model.FileKind;
import dev.maml.toolchain.Linting;
import dev.maml.toolchain.Resolution;
import dev.maml.toolchain.Session;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.yaml.YamlScalar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Step 1: parse and lint with the document's `.maml-lint.yaml`; any error stops the run (exit 2).
 * The signature rules (MAML070-073) are turned off, not just ignored: signatures are step 2, with
 * their own exit codes, and a run verifies the signature once, there ({@link Linting#GATE_OFF}).
 */
final class LintGate {

    /** Enough to act on; the full list is what `maml lint` is for. */
    private static final int SHOWN_ERRORS = 20;

    private LintGate() {
    }

    /** The parsed document and its `type` (null when the front matter has none). */
    record Linted(MamlDocument doc, @Nullable String type) implements ResultPart {
    }

    /** The first lint errors, as the result lists them (1-based line and column). */
    record LintErrors(List<LintError> shown) implements ResultPart {
    }

    record LintError(String rule, String alias, int line, int column, String message) {
    }

    static Linted check(RunContext ctx) throws RunFailure {
        Path file = ctx.document().toAbsolutePath().normalize();
        byte[] bytes;
        try {
            bytes = InputFiles.read(file);
        } catch (IOException e) {
            throw new RunFailure(RunFailure.INVALID, FailureText.of(e));
        }
        // The config is the one of the directory the document is read as living in (a server's --root).
        LintSettings settings = settingsFor(ctx.documentDir().resolve(file.getFileName()));
        LintResult linted = Linting.lint(bytes, FileKind.DOCUMENT, settings);
        MamlDocument doc = linted.document();
        List<Diagnostic> errors = linted.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
        if (errors.isEmpty()) {
            return new Linted(doc, doc.optionalFrontMatter().flatMap(f -> f.mapping()).flatMap(m -> m.scalar("type"))
                    .map(YamlScalar::value).orElse(null));
        }
        LineIndex lines = doc.lines();
        List<LintError> shown = errors.subList(0, Math.min(SHOWN_ERRORS, errors.size())).stream()
                .map(d -> new LintError(d.rule().id(), d.rule().alias(), lines.displayLine(d.range().start()),
                        lines.displayColumn(d.range().start()), d.message()))
                .toList();
        LintError first = shown.get(0);
        throw new RunFailure(RunFailure.INVALID, errors.size() + " lint error" + (errors.size() == 1 ? "" : "s")
                + "; first: " + ctx.request().displayName() + ":" + first.line() + ":" + first.column() + ": " + first.rule() + "/"
                + first.alias() + " " + first.message() + " (run `maml lint` for all, `maml lint --fix` to repair what"
                + " it can)", new LintErrors(shown));
    }

    /**
     * The document's settings as every front end resolves them ({@link Session}: its
     * `.maml-lint.yaml`, ignored or not), with MAML070-073 off, so the engine never runs the
     * signature check here.
     */
    static LintSettings settingsFor(Path file) throws RunFailure {
        Resolution resolution = Session.builder().includeIgnored().severities(Linting.GATE_OFF).build().resolve(file);
        if (resolution instanceof Resolution.BrokenConfig broken) {
            throw new RunFailure(RunFailure.INVALID, broken.message());
        }
        return ((Resolution.Lint) resolution).settings();
    }
}
