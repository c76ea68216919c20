package dev.maml.cli;

import dev.maml.cli.cache.LintCache;
import dev.maml.io.AtomicFiles;
import dev.maml.lint.LintResult;
import dev.maml.lint.LintSettings;
import dev.maml.lint.config.LintConfigException;
import dev.maml.lint.fix.ResignAdvice;
import dev.maml.report.LintedFile;
import dev.maml.toolchain.Fixed;
import dev.maml.toolchain.LintOutcome;
import dev.maml.toolchain.Resolution;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Source;
import dev.maml.toolchain.Toolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The command line's adapter over the {@link Toolchain} for linting: turns a broken config into the
 * exception that stops `maml lint` (exit 2), an ignored file into nothing, findings into a
 * {@link LintedFile} for the reports, and with {@code --fix} writes the fixed file back.
 */
final class FileLinter {

    private final Toolchain toolchain = new Toolchain();
    private final Session session;

    FileLinter(Session session) {
        this.session = session;
    }

    /**
     * The settings the document named {@code file} is linted with, or null when its config ignores
     * it; a broken config throws. Resolved once per file: {@link #lintFile} takes them back.
     */
    @Nullable LintSettings settings(Path file) throws LintConfigException {
        return checked(session.resolve(file)) instanceof Resolution.Lint lint ? lint.settings() : null;
    }

    /** Content under {@code name} (null: unnamed stdin); null when the config ignores that name. */
    LintedFile lint(byte[] bytes, String display, Path name) throws LintConfigException {
        LintOutcome outcome = toolchain.lint(Source.of(bytes, name), session);
        checked(outcome.resolution());
        return outcome.ignored() ? null : LintedFile.of(display, outcome.result());
    }

    /** Fixes content under {@code name} (null: unnamed stdin); see {@link Fixed} for when nothing was fixed. */
    Fixed fix(byte[] bytes, Path name, FixMode mode) throws LintConfigException {
        Fixed fixed = toolchain.fix(Source.of(bytes, name), session, mode.unsafe());
        checked(fixed.resolution());
        return fixed;
    }

    /** A broken config stops `maml lint` (exit 2): the resolution, unless it is one. */
    private static Resolution checked(Resolution resolution) throws LintConfigException {
        if (resolution instanceof Resolution.BrokenConfig broken) {
            throw new LintConfigException(broken.message());
        }
        return resolution;
    }

    /**
     * A linted file, what to tell the user about its fixes (a signature they broke, unsafe fixes
     * left out), and with --diff what --fix would change (null otherwise, or when nothing would).
     */
    record Linted(LintedFile file, List<String> advice, @Nullable String diff) {
    }

    /**
     * Lints a file on disk that {@link #lints} said is linted; with a fix mode works out the fixes
     * first, and with --fix writes them back atomically. With a {@code cache}, answered from it when
     * it holds the file's findings, and stored there when it does not (after a written fix: the
     * fixed content's findings; a fix only shown, --fix-dry-run or --diff, stores nothing).
     * {@code settings} are what {@link #settings} gave for the file.
     */
    Linted lintFile(Path file, String display, LintSettings settings, FixMode mode, @Nullable LintCache cache) throws IOException {
        LintCache.Lookup cached = null;
        if (cache != null) {
            cached = cache.lookup(file, settings, session.maxBytes());
            LintedFile replayed = cached.replay(display, mode.fixes());
            if (replayed != null) {
                return new Linted(replayed, List.of(), null);
            }
        }
        Source source = cached != null ? Source.of(cached.bytes(), file) : session.read(file);
        if (mode.fixes()) {
            Fixed fixed = toolchain.fix(source, session, mode.unsafe());
            if (fixed.outcome() != null) {
                boolean changed = !fixed.outcome().text().equals(source.text());
                if (changed && mode.writes()) {
                    byte[] content = fixed.outcome().text().getBytes(StandardCharsets.UTF_8);
                    // Through symlinks: replace the file the link points to, not the link.
                    AtomicFiles.write(file.toRealPath(), content);
                    if (cached != null) {
                        cached.store(content, fixed.outcome().remaining());
                    }
                } else if (!changed && cached != null) {
                    cached.store(source.bytes(), fixed.outcome().remaining());
                }
                String diff = changed && mode.diff() ? UnifiedDiff.of(display, source.text(), fixed.outcome().text()) : null;
                return new Linted(LintedFile.of(display, fixed.outcome().remaining()), advice(fixed, display, mode), diff);
            }
        }
        LintResult result = toolchain.lint(source, session).result();
        if (cached != null) {
            cached.store(source.bytes(), result);
        }
        return new Linted(LintedFile.of(display, result), List.of(), null);
    }

    /**
     * {@link ResignAdvice} when written fixes changed the signed bytes, and a note on the unsafe
     * fixes left out (without --unsafe-fixes), for a fixed document ({@code fixed.outcome()} set).
     */
    static List<String> advice(Fixed fixed, String display, FixMode mode) {
        List<String> advice = new ArrayList<>();
        if (mode.writes() && fixed.brokeSignature()) {
            advice.add(ResignAdvice.message(display));
        }
        long left = mode.unsafe() ? 0 : fixed.outcome().unsafeLeft();
        if (left > 0) {
            advice.add(ResignAdvice.withheld(display, left, ResignAdvice.signed(fixed.outcome().remaining().document())));
        }
        return advice;
    }
}
