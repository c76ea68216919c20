package dev.maml.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Turns exceptions into one line a person can act on. */
final class Failures {

    private Failures() {
    }

    /** Why a path a command must read as a file cannot be: it is missing, or not a regular file. */
    static String notAFile(Path file) {
        return file + (Files.exists(file) ? ": not a regular file" : ": no such file");
    }

    static String describe(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        if (t instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (t instanceof FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() == null ? f.getClass().getSimpleName() : f.getReason());
        }
        if (t instanceof IOException io) {
            return io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
        }
        return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    }
}
