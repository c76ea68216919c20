package dev.maml.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

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
        return readRegular(file, regular(file).size(), maxBytes);
    }

    /**
     * {@link #read(Path, long)} for a file the caller has just found to be a regular file of
     * {@code size} bytes by a stat of its own, which this read does not repeat. The size only sizes
     * the buffer: the read still goes to the end and stops past {@code maxBytes}.
     */
    public static byte[] readRegular(Path file, long size, long maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), maxBytes, size);
        }
    }

    /** Standard input, bounded by {@link #MAX_BYTES} as a file is ({@code < /dev/zero} must not exhaust memory). */
    public static byte[] read(InputStream in, String name) throws IOException {
        return read(in, name, MAX_BYTES);
    }

    private static byte[] read(InputStream in, String name, long maxBytes) throws IOException {
        return read(in, name, maxBytes, 0);
    }

    /**
     * Reads to the end, refusing more than {@code maxBytes}. {@code expected} (the size a stat gave)
     * sizes the first buffer, one byte over so that the end is seen: a file read whole into one array,
     * not through 8 KiB chunks (`maml lint --cache` reads every file of a tree on every run, issue 15).
     * A file that has grown since is read on to its end, within the limit, as any stream is.
     */
    private static byte[] read(InputStream in, String name, long maxBytes, long expected) throws IOException {
        int limit = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1);
        byte[] first = new byte[(int) Math.min(limit, Math.max(0, expected) + 1)];
        int n = in.readNBytes(first, 0, first.length);
        byte[] bytes;
        if (n < first.length) {
            bytes = Arrays.copyOf(first, n);
        } else {
            byte[] rest = in.readNBytes(limit - n);
            bytes = Arrays.copyOf(first, n + rest.length);
            System.arraycopy(rest, 0, bytes, n, rest.length);
        }
        if (bytes.length > maxBytes) {
            throw new RefusedFileException(name + ": larger than " + maxBytes + " bytes, the limit for an input");
        }
        return bytes;
    }

    /** Refuses a FIFO, socket, device or directory with a one-line message naming what it is. */
    public static void requireRegular(Path file) throws IOException {
        regular(file);
    }

    private static BasicFileAttributes regular(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new RefusedFileException(file + ": not a regular file (" + kind(attributes) + "); only regular files are read");
        }
        return attributes;
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
