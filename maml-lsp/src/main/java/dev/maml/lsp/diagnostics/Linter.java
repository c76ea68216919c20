package dev.maml.lsp.diagnostics;

import dev.maml.lint.fix.Fixer;
import dev.maml.lsp.LspDocument;
import dev.maml.lsp.ServerSettings;
import dev.maml.toolchain.LintOutcome;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Source;
import dev.maml.toolchain.Identity;
import dev.maml.toolchain.Toolchain;
import dev.maml.trust.TrustSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * The language server's adapter over the {@link Toolchain}: the editor's settings become one
 * {@link Session}, so buffers are linted exactly as `maml lint` lints files (the same
 * {@code .maml-lint.yaml}, discovered upward from the file or fixed by the {@code config} setting like
 * {@code --config}; the same ignores; the same engine per file kind), with the editor's
 * {@code severities} applied last and its {@code trust} and {@code projectTrustStores} reaching the
 * signature check, and its {@code key} and {@code publicKey} the signing identity of the code
 * actions. An untitled buffer is configured like `maml lint --stdin` without a name: from the
 * server's working directory.
 */
public final class Linter {

    private final Toolchain toolchain = new Toolchain();
    private final ServerSettings settings;
    private final Path workingDirectory;
    private final Session session;

    public Linter(ServerSettings settings, Path workingDirectory) {
        this.settings = settings;
        this.workingDirectory = workingDirectory;
        this.session = Session.builder().workingDirectory(workingDirectory)
                .config(settings.config() == null ? null : Path.of(settings.config()))
                .severities(settings.severities())
                .trust(new TrustSettings(settings.trust().stream().map(this::resolve).toList(), settings.projectTrustStores()))
                .identity(settings.key() == null ? null : new Identity(resolve(settings.key()), resolve(settings.publicKey()), true))
                .build();
    }

    public ServerSettings settings() {
        return settings;
    }

    /** The settings as the {@link Toolchain} takes them; the code actions sign, verify and draft receipts with it. */
    public Session session() {
        return session;
    }

    /** What is wrong in the settings (bad severity words, unknown rules): the server tells the editor. */
    public List<String> problems() {
        return session.problems();
    }

    /** A path from the settings, relative to the server's working directory; null stays null. */
    private Path resolve(String path) {
        return path == null ? null : workingDirectory.resolve(path).normalize();
    }

    public LintOutcome lint(LspDocument doc) {
        return lint(doc.source());
    }

    /** A file that is not open in the editor, as `maml lint` lints it. */
    public LintOutcome lint(Source source) {
        return toolchain.lint(source, session);
    }

    /** "Fix all": the engine's safe fixes, passes repeated as `maml lint --fix` does; null when not linted. */
    public Fixer.FixOutcome fixAll(LspDocument doc) {
        return toolchain.fix(doc.source(), session, false).outcome();
    }
}
