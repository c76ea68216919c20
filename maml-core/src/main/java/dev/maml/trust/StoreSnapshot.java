package dev.maml.trust;

import dev.maml.sign.Digests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contents of a project trust store read once: its digest and its key files come from the same
 * bytes, so a store cannot be swapped between "is it still the allowed one?" and "which keys does it
 * hold?". The digest covers every entry (name, kind, and the bytes of regular files), so adding,
 * removing or changing anything, a README or a symlink included, changes it. Only regular
 * {@code *.pub} files are keys; symlinks are never followed (their target could change without the
 * store changing) and other entries are never read.
 */
public final class StoreSnapshot {

    static final int MAX_ENTRIES = 1000;
    static final int MAX_FILE_BYTES = 64 * 1024;

    private final Path dir;
    private final String digest;
    private final Map<String, byte[]> keyFiles;
    private final List<String> skipped;

    private StoreSnapshot(Path dir, String digest, Map<String, byte[]> keyFiles, List<String> skipped) {
        this.dir = dir;
        this.digest = digest;
        this.keyFiles = keyFiles;
        this.skipped = List.copyOf(skipped);
    }

    /** Reads {@code dir}; an entry too large, too many entries or an unreadable file make the whole store unusable. */
    public static StoreSnapshot read(Path dir) throws IOException {
        TreeMap<String, Path> entries = new TreeMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path entry : stream) {
                if (entries.size() == MAX_ENTRIES) {
                    throw new IOException(dir + ": more than " + MAX_ENTRIES + " entries; not a trust store");
                }
                entries.put(entry.getFileName().toString(), entry);
            }
        }
        ByteArrayOutputStream digested = new ByteArrayOutputStream();
        Map<String, byte[]> keys = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (Map.Entry<String, Path> e : entries.entrySet()) {
            Path file = e.getValue();
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            byte[] content = new byte[0];
            char kind;
            if (attrs.isRegularFile()) {
                kind = 'f';
                content = readBounded(file);
                if (e.getKey().endsWith(".pub")) {
                    keys.put(e.getKey(), content);
                }
            } else if (attrs.isSymbolicLink()) {
                kind = 'l';
                content = Files.readSymbolicLink(file).toString().getBytes(StandardCharsets.UTF_8);
                skipped.add(e.getKey() + " is a symbolic link; a trust store's keys must be regular files in it");
            } else {
                kind = attrs.isDirectory() ? 'd' : 'o';
            }
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            digested.write(ByteBuffer.allocate(4).putInt(name.length).array());
            digested.write(name);
            digested.write(kind);
            digested.write(ByteBuffer.allocate(4).putInt(content.length).array());
            digested.write(content);
        }
        return new StoreSnapshot(dir, "sha3-256:" + Digests.sha3_256Hex(digested.toByteArray()), keys, skipped);
    }

    private static byte[] readBounded(Path file) throws IOException {
        // NOFOLLOW: the entry was a regular file when listed; if it was swapped for a link since, fail.
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
             InputStream in = Channels.newInputStream(channel)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new IOException(file + ": larger than " + MAX_FILE_BYTES + " bytes; not a key file");
            }
            return bytes;
        }
    }

    public Path dir() {
        return dir;
    }

    /** {@code sha3-256:<hex>} over every entry of the store. */
    public String digest() {
        return digest;
    }

    /** The regular {@code *.pub} files, by name, as read. */
    public Map<String, byte[]> keyFiles() {
        return keyFiles;
    }

    /** Entries that were not used as keys and why (symbolic links). */
    public List<String> skipped() {
        return skipped;
    }
}
