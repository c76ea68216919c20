package dev.maml.toolchain;

import dev.maml.lint.LintSettings;

/**
 * What a {@link Session} makes of one document: the settings to lint it with, or "ignored" (its
 * config's {@code ignores} match it; `maml lint` skips it), or "broken config" (its config cannot be
 * read; `maml lint` stops with exit 2, the language server shows one error).
 */
public sealed interface Resolution {

    Ignored IGNORED = new Ignored();

    /** Lint with these settings. */
    record Lint(LintSettings settings) implements Resolution {
    }

    /** The config ignores the document. */
    record Ignored() implements Resolution {
    }

    /** The config could not be read; {@code message} names the file and the line. */
    record BrokenConfig(String message) implements Resolution {
    }
}
