package dev.maml.io;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * A failure in one line for a person: an I/O problem names its file and says what is wrong with it
 * in words ("x.maml.md: no such file", where the JDK's message is the bare path), and any other
 * failure gives its message. Many exceptions carry none (a bare {@code BindException}, a timeout,
 * an interruption), and printing theirs would say "null"; then the exception's kind is the best
 * there is. One place, so the command line, the runtime, the verifier and the servers word the
 * same failure the same way.
 */
public final class FailureText {

    private FailureText() {
    }

    public static String of(Throwable failure) {
        if (failure instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        if (failure instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (failure instanceof FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() == null ? f.getClass().getSimpleName() : f.getReason());
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
