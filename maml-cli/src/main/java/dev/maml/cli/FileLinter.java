package dev.maml.cli;

import dev.maml.io.AtomicFiles;
import dev.maml.io.InputFiles;
import dev.maml.lint.LintSettings;
import dev.maml.lint.config.ConfigResolver;
import dev.maml.lint.config.LintConfig;
import dev.maml.lint.config.LintConfigException;
import dev.maml.lint.fix.Fixer;
import dev.maml.lint.fix.ResignAdvice;
import dev.maml.linting.FileKind;
import dev.maml.linting.Linting;
import dev.maml.report.LintedFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Lints one file, or content under a file's name (stdin, a staged blob): finds its config, honours
 * the config's ignores, picks the engine for its kind, and with {@code fix} repairs it.
 */
final class FileLinter {

    private final ConfigResolver configs;

    FileLinter(ConfigResolver configs) {
        this.configs = configs;
    }

    /** The config of a named document, or, for a nameless one, of the current directory. */
    LintConfig config(Path name) throws LintConfigException {
        return configs.forDocument(name != null ? absolute(name) : absolute(Path.of("stdin")));
    }

    /** Content under {@code name} (null: unnamed stdin); null when the config ignores that name. */
    LintedFile lint(byte[] bytes, String display, Path name) throws LintConfigException {
        LintConfig config = config(name);
        if (name != null && config.ignores(absolute(name))) {
            return null;
        }
        return LintedFile.of(display, Linting.lint(bytes, kind(name), settings(config, name)));
    }

    /** Fixes content under {@code name}; null when it is not UTF-8 (it could not be written back unchanged). */
    Fixer.FixOutcome fix(byte[] bytes, Path name, LintConfig config) {
        String text = strictUtf8(bytes);
        return text == null ? null : Linting.fix(text, kind(name), settings(config, name));
    }

    /** A linted file and, when a fix broke its signature, the advice to give (else null). */
    record Linted(LintedFile file, String resign) {
    }

    /** Lints (and with {@code fix} repairs, atomically) a file on disk. */
    Linted lintFile(Path file, String display, LintConfig config, boolean fix) throws IOException {
        byte[] bytes = InputFiles.read(file);
        if (fix) {
            Fixer.FixOutcome fixed = fix(bytes, file, config);
            if (fixed != null) {
                String before = new String(bytes, StandardCharsets.UTF_8);
                if (!fixed.text().equals(before)) {
                    // Through symlinks: replace the file the link points to, not the link.
                    AtomicFiles.write(file.toRealPath(), fixed.text());
                }
                return new Linted(LintedFile.of(display, fixed.remaining()), resignAdvice(file, before, fixed.text(), display));
            }
        }
        return new Linted(LintedFile.of(display, Linting.lint(bytes, kind(file), settings(config, file))), null);
    }

    /** {@link ResignAdvice} for a document ({@code name}, null for stdin) whose signed bytes a fix changed; else null. */
    static String resignAdvice(Path name, String before, String after, String display) {
        return kind(name) == FileKind.DOCUMENT && ResignAdvice.invalidates(before, after) ? ResignAdvice.message(display) : null;
    }

    private static FileKind kind(Path name) {
        return name == null ? FileKind.DOCUMENT : FileKind.named(name);
    }

    private static LintSettings settings(LintConfig config, Path name) {
        return config.settingsFor(name == null ? null : absolute(name));
    }

    static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
