package dev.maml.cli;

import dev.maml.io.FailureText;
import dev.maml.lint.config.LintConfigException;
import dev.maml.sign.SigningException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns exceptions into one line a person can act on, and tells the user's errors from bugs. */
final class Failures {

    private Failures() {
    }

    /** Why a path a command must read as a file cannot be: it is missing, or not a regular file. */
    static String notAFile(Path file) {
        return file + (Files.exists(file) ? ": not a regular file" : ": no such file");
    }

    /**
     * Whether {@code e} is an error of the user's input or environment (exit 2): I/O, a bad
     * configuration or environment variable, a key that cannot sign, an interruption. Anything else
     * escaping a command is a bug (exit 70).
     */
    static boolean isUserError(Throwable e) {
        return e instanceof IOException || e instanceof UncheckedIOException || e instanceof SigningException
                || e instanceof LintConfigException || e instanceof UsageException || e instanceof InterruptedException;
    }

    /** The line for a bug: what broke, and what to do about it. */
    static String internal(Throwable e) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return "internal error: " + what + "; this is a bug; rerun with --debug and report it";
    }

    static String describe(Throwable e) {
        return FailureText.of(e instanceof UncheckedIOException u ? u.getCause() : e);
    }
}
