package dev.maml.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the files a command is given (documents, receipts, sources, inputs, keys): regular files
 * only, at most {@link #MAX_BYTES}. A FIFO would block the reader forever and a device such as
 * /dev/zero never ends, so both are refused before any byte is read; a file that grows past the
 * limit while it is read (or was swapped for something else after the check) is cut off there and
 * refused, so memory stays bounded whatever the path names. Symbolic links are followed: the
 * command line is the user's own choice (paths a document names are confined by {@link DocumentTree}).
 */
public final class InputFiles {

    /**
     * 32 MiB: three times the 10 MB documents the spec requires (section 1), so no real document,
     * receipt or key comes near it, while a read of it still fits under -Xmx512m with the parse.
     */
    public static final long MAX_BYTES = 32L << 20;

    private InputFiles() {
    }

    public static byte[] read(Path file) throws IOException {
        return read(file, MAX_BYTES);
    }

    /** @throws RefusedFileException with a one-line reason when the file is not regular or too large */
    public static byte[] read(Path file, long maxBytes) throws IOException {
        requireRegular(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), maxBytes);
        }
    }

    /** Standard input, bounded by {@link #MAX_BYTES} as a file is ({@code < /dev/zero} must not exhaust memory). */
    public static byte[] read(InputStream in, String name) throws IOException {
        return read(in, name, MAX_BYTES);
    }

    private static byte[] read(InputStream in, String name, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new RefusedFileException(name + ": larger than " + maxBytes + " bytes, the limit for an input");
        }
        return bytes;
    }

    /** Refuses a FIFO, socket, device or directory with a one-line message naming what it is. */
    public static void requireRegular(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new RefusedFileException(file + ": not a regular file (" + kind(attributes) + "); only regular files are read");
        }
    }

    static String kind(BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        if (attributes.isSymbolicLink()) {
            return "a symbolic link";
        }
        return "a FIFO, socket or device";
    }
}
