package dev.maml.lint.config;

/** A configuration file that cannot be used; the message names the file and, where known, the line. */
public final class LintConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public LintConfigException(String message) {
        super(message);
    }
}
