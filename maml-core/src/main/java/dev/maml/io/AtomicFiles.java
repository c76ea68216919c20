package dev.maml.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader sees the old content or the new one, never half of either: the
 * bytes go to a temp file in the same directory, are forced to disk, and the temp file is renamed
 * over the target. A failure at any point leaves the original untouched and removes the temp file.
 * Large files are forced in steps while they are written ({@link Writeback}), so the last force is
 * short, and a large file replaced is freed after the rename, in the background ({@link ReplacedFiles}).
 *
 * <p>Only a regular file is ever replaced (spec 10.2a): renaming over a symbolic link, FIFO or
 * device node would put the content where the name pointed at something else (a link to a shared
 * place, /dev/null), so such a target is refused before anything is written. A new file is created
 * 0600. A process killed mid-write (SIGKILL, power loss) leaves its temp file
 * {@code .NAME.PID.N.tmp}; the next write of the same target removes those whose process is gone.
 */
public final class AtomicFiles {

    /** For outputs that may hold secrets or plaintext: containers, keyrings, unsealed payloads, receipts. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final int BUFFER = 1 << 16;
    private static final String TEMP_SUFFIX = ".tmp";
    /** What follows ".NAME." in our temp files: the writer's pid and createTempFile's random number. */
    private static final Pattern PID_AND_NUMBER = Pattern.compile("(\\d{1,19})\\.\\d+\\.tmp");
    /** A temp name of any target: {@code .NAME.PID.N.tmp}. */
    private static final Pattern ANY_TEMP = Pattern.compile("\\..+\\.\\d{1,19}\\.\\d+\\.tmp");
    /** Per directory, the other processes' temp files found when this process first wrote there. */
    private static final Map<Path, List<Path>> LISTED = new ConcurrentHashMap<>();
    private static final int MAX_LISTED = 4096;

    private AtomicFiles() {
    }

    /** Rewrites a file in place (a document being fixed, formatted, signed): its mode is kept. */
    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8), null);
    }

    /** As {@link #write(Path, String)}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, null);
    }

    /**
     * @param permissions POSIX permissions for the file (e.g. {@link #OWNER_ONLY}), or null to keep
     *                    the target's current ones (0600 for a new file)
     */
    public static void write(Path target, byte[] bytes, Set<PosixFilePermission> permissions) throws IOException {
        write(target, permissions, out -> out.write(bytes));
    }

    /** Produces a file's content; an exception it throws leaves the target untouched. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Streams content into the target (for outputs too large to hold in memory, e.g. decrypted
     * payloads): the target is replaced only after {@code content} returned normally.
     *
     * @param permissions as for {@link #write(Path, byte[], Set)}
     * @throws RefusedFileException when the target exists and is not a regular file
     */
    public static void write(Path target, Set<PosixFilePermission> permissions, Content content) throws IOException {
        write(target, permissions, content, true);
    }

    /**
     * Writes a file that must not exist yet, as {@link #write(Path, byte[], Set)} writes: a name taken
     * by anything (a file, a link, a FIFO), even by another process a moment before, is left alone.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the name is taken
     */
    public static void create(Path target, byte[] bytes, Set<PosixFilePermission> permissions) throws IOException {
        write(target, permissions, out -> out.write(bytes), false);
    }

    private static void write(Path target, Set<PosixFilePermission> permissions, Content content, boolean replace)
            throws IOException {
        write(target, permissions, content, replace, channel -> () -> channel.force(false), Writeback.STEP);
    }

    /** How the data of the file being written is forced in the background ({@link Writeback}). */
    @FunctionalInterface
    interface Forcer {
        Writeback.Force of(FileChannel channel);
    }

    /** As {@link #write(Path, Set, Content)}, with the background force and its step given (tests). */
    static void write(Path target, Set<PosixFilePermission> permissions, Content content, boolean replace,
                      Forcer forcer, long step) throws IOException {
        Path absolute = target.toAbsolutePath();
        Set<PosixFilePermission> existing = replace ? requireReplaceable(absolute) : null;
        Path dir = absolute.getParent();
        String name = absolute.getFileName().toString();
        // createTempFile makes the file 0600 on POSIX: the content is never readable by others, even briefly
        Path temp = Files.createTempFile(dir, tempPrefix(name) + ProcessHandle.current().pid() + ".", TEMP_SUFFIX);
        try {
            removeStale(dir, name, temp);
            Set<PosixFilePermission> wanted = permissions != null ? permissions : existing;
            if (wanted != null) {
                Files.setPosixFilePermissions(temp, wanted);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                Writeback writeback = new Writeback(Channels.newOutputStream(channel), forcer.of(channel), step);
                try {
                    OutputStream out = new BufferedOutputStream(writeback, BUFFER);
                    content.writeTo(out);
                    out.flush();
                } catch (Throwable failed) {
                    try {
                        writeback.finish(); // the channel is not closed under a force in flight
                    } catch (IOException e) {
                        failed.addSuppressed(e);
                    }
                    throw failed;
                }
                writeback.finish();
                channel.force(true);
            }
            if (!replace) {
                // link(2) publishes the finished file under a name only if the name is free, atomically
                Files.createLink(absolute, temp);
                return;
            }
            // again: the target may have been swapped while the content was written (a rename over a
            // link still replaces only the link, so what remains of the race never writes through one)
            requireReplaceable(absolute);
            Path replaced = ReplacedFiles.keepAside(absolute, tempPrefix(name) + ProcessHandle.current().pid() + ".",
                    TEMP_SUFFIX);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                if (replaced != null) {
                    ReplacedFiles.delete(replaced);
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Refuses a target that exists and is not a regular file; returns its mode when it is one (null: new). */
    private static Set<PosixFilePermission> requireReplaceable(Path target) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!attributes.isRegularFile()) {
            throw new RefusedFileException(target + ": not a regular file (" + InputFiles.kind(attributes)
                    + "); refusing to replace it");
        }
        try {
            return Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * Whether a directory entry's name is one of the temp names these writes use
     * ({@code .NAME.PID.N.tmp}) until they rename the finished file to NAME: a watcher of a
     * directory can pass over them and wait for the rename.
     */
    public static boolean isTempName(Path name) {
        String n = name.toString();
        return n.startsWith(".") && n.endsWith(TEMP_SUFFIX);
    }

    private static String tempPrefix(String name) {
        return "." + name + ".";
    }

    /**
     * Removes temp files of the same target left by a process that no longer runs. Only files that
     * are clearly ours: our name pattern with a pid that is not alive, a regular file (not a link),
     * and owned by the same user as the temp file this process just created.
     *
     * <p>The directory is listed once per process ({@link #candidates}): listing it on every write
     * made a batch that writes n files into one directory read O(n²) entries. A temp file becomes
     * stale only when its process dies, so one listing finds every stale one there is then; one left
     * by a process that dies later is removed by the next process's writes.
     */
    private static void removeStale(Path dir, String name, Path ownTemp) throws IOException {
        String prefix = tempPrefix(name);
        Object owner = Files.getOwner(ownTemp);
        for (Path entry : candidates(dir)) {
            if (isStaleName(entry.getFileName().toString(), prefix) && !entry.equals(ownTemp)
                    && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                    && owner.equals(Files.getOwner(entry, LinkOption.NOFOLLOW_LINKS))) {
                Files.deleteIfExists(entry);
                candidates(dir).remove(entry);
            }
        }
    }

    /** The temp files in {@code dir} when this process first wrote there, less those removed since. */
    private static List<Path> candidates(Path dir) throws IOException {
        Path key = dir.toAbsolutePath().normalize();
        List<Path> known = LISTED.get(key);
        if (known != null) {
            return known;
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
                p -> ANY_TEMP.matcher(p.getFileName().toString()).matches())) {
            entries.forEach(found::add);
        }
        if (LISTED.size() >= MAX_LISTED) {
            LISTED.clear(); // a bound, not a policy: forgetting only costs one more listing
        }
        List<Path> candidates = new CopyOnWriteArrayList<>(found);
        LISTED.put(key, candidates);
        return candidates;
    }

    /** {@code .NAME.PID.N.tmp} where PID names no live process (a reused PID keeps its file: safe side). */
    private static boolean isStaleName(String file, String prefix) {
        if (!file.startsWith(prefix)) {
            return false;
        }
        Matcher m = PID_AND_NUMBER.matcher(file.substring(prefix.length()));
        if (!m.matches()) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return false; // more digits than a pid has: not ours
        }
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty();
    }
}
