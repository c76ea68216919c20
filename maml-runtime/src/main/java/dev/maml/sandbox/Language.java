package dev.maml.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages a code block may be run in, and the interpreter that runs it inside the sandbox.
 * Paths are absolute and under the read-only system view: the sandbox has no user PATH (a pyenv
 * shim under /root, for instance, is invisible there on purpose).
 */
public enum Language {
    /** {@code -I}: isolated mode, ignores PYTHON* variables and the user site directory. */
    PYTHON("/usr/bin/python3", "-I"),
    BASH("/bin/bash"),
    SH("/bin/sh");

    private final List<String> command;

    Language(String... command) {
        this.command = List.of(command);
    }

    /**
     * The language of a fence's language tag: exactly the spec's runtime languages {@code python},
     * {@code bash} and {@code sh}, case-sensitive, as lint rule MAML042 reads them, so that what the
     * linter calls runnable is what the runtime runs (anything else is documentation).
     */
    public static Optional<Language> of(String fenceLanguage) {
        return switch (fenceLanguage) {
            case "python" -> Optional.of(PYTHON);
            case "bash" -> Optional.of(BASH);
            case "sh" -> Optional.of(SH);
            default -> Optional.empty();
        };
    }

    /** Interpreter and flags; the script path follows. */
    List<String> command() {
        return command;
    }

    /** Lower-case name, as in a fence info string. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
