package dev.maml.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the names created in a directory durable, with group commit. {@link AtomicFiles} forces a
 * file's bytes to disk before it links or renames the file into place, but the new name itself is
 * a change of the directory, and survives a crash only once the directory is forced too (until the
 * filesystem's next journal commit, seconds later, a crash loses it). A writer that reports a file
 * as written (a receipt) calls {@link #sync} after the name is in place and before it reports.
 *
 * <p>Writers that call at the same time share one fsync: the first becomes the leader and forces
 * the directory once for every caller that arrived before it started; those that arrive while it
 * runs wait and are served by the next one. A batch of runs on several threads (maml-run, a
 * server) thus pays about one directory fsync per group of receipts instead of one each.
 */
public final class DirectorySync {

    /** Directories with a group; past this many, forgotten (a forgotten group only costs sharing). */
    private static final int MAX_DIRECTORIES = 4096;
    private static final Map<Path, Group> GROUPS = new ConcurrentHashMap<>();

    private DirectorySync() {
    }

    /** The callers of one directory; guarded by its own monitor. */
    private static final class Group {
        /** Tickets handed out: one per call. */
        long issued;
        /** Every ticket up to this one is covered by a completed fsync. */
        long durable;
        boolean leading;
    }

    /**
     * Returns once every entry created or renamed in {@code dir} before this call is on disk.
     *
     * @throws IOException when the directory cannot be forced; nothing is then known to be durable
     */
    public static void sync(Path dir) throws IOException {
        Path key = dir.toAbsolutePath().normalize();
        if (GROUPS.size() >= MAX_DIRECTORIES) {
            GROUPS.clear();
        }
        Group group = GROUPS.computeIfAbsent(key, d -> new Group());
        long covering;
        synchronized (group) {
            long ticket = ++group.issued;
            while (group.durable < ticket && group.leading) {
                try {
                    group.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for " + key + " to be forced to disk", e);
                }
            }
            if (group.durable >= ticket) {
                return;
            }
            group.leading = true;
            // every ticket issued so far belongs to a caller whose entry was in place before this fsync starts
            covering = group.issued;
        }
        boolean forced = false;
        try {
            force(key);
            forced = true;
        } finally {
            synchronized (group) {
                group.leading = false;
                if (forced) {
                    group.durable = Math.max(group.durable, covering);
                }
                group.notifyAll();
            }
        }
    }

    private static void force(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
