package dev.maml.cli;

/**
 * A problem of the user's command line or environment found deep inside a command (a malformed
 * environment variable): exit 2 with its message, never taken for a bug (exit 70).
 */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
