package dev.maml.receipt;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Chain heads without reading a directory of receipts on every run. What each {@code *.mu} said is
 * kept, per directory, with the file's identity (inode), size and modification time, and parsed
 * again only when one of these changed.
 *
 * <p>The directory itself is listed again only when its own modification time changed (a file
 * created, removed or renamed in it), or when the last listing is older than {@link #TRUSTED}. A
 * receipt this process writes is added to what is known without listing ({@link #written}), so a
 * server whose receipt directory holds only receipts finds a head in constant time however many
 * receipts it has written; where other files change too (receipts beside documents and their
 * sealed outputs), the directory is listed as often as it changes.
 *
 * <p>A head found without listing is checked (one stat): removed, replaced or rewritten, the
 * directory is listed again. What it does not see at once: a receipt another process adds in the
 * same tick of the filesystem's clock as the directory time last recorded (on Linux a tick is a
 * few milliseconds), or while this process writes one (between finding the head and recording its
 * own write). Processes never coordinated their writes (two of them can fork a chain either
 * way, and verification reports the fork); this only lets such a change go unseen for up to
 * {@link #TRUSTED}. A receipt rewritten in place, to the same size, within one tick of the
 * filesystem's clock is not seen either: our writers always replace a receipt by a new file, and a
 * receipt altered that way fails its own verification, while the receipt that follows names the
 * bytes it had, so the chain shows the change.
 *
 * <p>Entries named {@code *.mu} that are not regular files (a FIFO, a link leading nowhere) are
 * not receipts and are passed over: planting one must not stop the next run.
 */
final class ReceiptHeads {

    /** The heads every receipt writer of this process shares. */
    static final ReceiptHeads SHARED = new ReceiptHeads(System::nanoTime);

    /** How long a listing is trusted while the directory's modification time stays the same. */
    static final long TRUSTED = TimeUnit.SECONDS.toNanos(1);

    /** Directories remembered; the least recently used is forgotten first. */
    private static final int DIRECTORIES = 64;

    private record Entry(@Nullable Object fileKey, long size, FileTime modified, @Nullable Summary summary) {
        boolean describes(BasicFileAttributes a) {
            return Objects.equals(fileKey, a.fileKey()) && size == a.size() && modified.equals(a.lastModifiedTime());
        }
    }

    /** A receipt's place in its chain; null summary: the file is not a receipt. */
    private record Summary(String sourceId, ReceiptChain.Head head, Instant createdAt) {
    }

    /** A directory as its own attributes describe it: a change of its entries changes the time. */
    private record Stamp(@Nullable Object fileKey, FileTime modified) {
        static Stamp of(Path dir) throws IOException {
            BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class);
            return new Stamp(a.fileKey(), a.lastModifiedTime());
        }
    }

    /** What is known of one directory; guarded by its own monitor. */
    private static final class Known {
        final Map<Path, Entry> entries = new HashMap<>();
        /** The directory's stamp when {@link #entries} were last complete; null: list it again. */
        @Nullable Stamp listed;
        long listedAt;
    }

    private final LongSupplier clock;
    private final Map<Path, Known> known = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Known> eldest) {
            return size() > DIRECTORIES;
        }
    };

    /** @param clock nanoseconds, as {@link System#nanoTime()} counts them */
    ReceiptHeads(LongSupplier clock) {
        this.clock = clock;
    }

    ReceiptChain.@Nullable Head head(Path dir, String sourceId) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        Known k = known(absolute);
        synchronized (k) {
            Stamp now = Stamp.of(absolute); // before listing: a change during the listing shows next time
            long at = clock.getAsLong();
            if (now.equals(k.listed) && at - k.listedAt <= TRUSTED) {
                Summary head = headOf(k.entries.values(), sourceId);
                if (head == null || unchanged(head.head().file(), k.entries)) {
                    return head == null ? null : head.head();
                }
            }
            k.listed = null;
            list(absolute, k.entries);
            k.listed = now;
            k.listedAt = at;
            Summary head = headOf(k.entries.values(), sourceId);
            return head == null ? null : head.head();
        }
    }

    /** The head found without listing is still the file it was: not removed, replaced or rewritten. */
    private static boolean unchanged(Path file, Map<Path, Entry> entries) throws IOException {
        try {
            return entries.get(file).describes(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * Whether what is known of {@code dir} is still complete: it was listed and nothing has
     * changed it since. Asked right before this process writes a receipt there ({@link #written}).
     */
    boolean current(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        Known k = known(absolute);
        synchronized (k) {
            return k.listed != null && k.listed.equals(Stamp.of(absolute));
        }
    }

    /**
     * Records the receipt {@code file} this process has just written into {@code dir}, so the next
     * run does not list the directory for it. When the directory was {@link #current} right before
     * the write, the change the write made is taken as the only one; otherwise the next run lists it.
     */
    void written(Path dir, Path file, boolean wasCurrent) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        Known k = known(absolute);
        synchronized (k) {
            Path receipt = absolute.resolve(file.getFileName());
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(receipt, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                k.listed = null; // removed already: whatever happened, the next run lists
                return;
            }
            k.entries.put(receipt, new Entry(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime(),
                    summary(receipt)));
            k.listed = wasCurrent && k.listed != null ? Stamp.of(absolute) : null;
        }
    }

    private static void list(Path dir, Map<Path, Entry> entries) throws IOException {
        Set<Path> present = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.mu")) {
            for (Path file : files) {
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue; // a link leading nowhere, or a file removed since the listing: no receipt
                }
                if (!attributes.isRegularFile()) {
                    continue; // a FIFO, device or directory named *.mu is no receipt, and must not stop the run
                }
                present.add(file);
                Entry entry = entries.get(file);
                if (entry == null || !entry.describes(attributes)) {
                    entries.put(file, new Entry(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime(),
                            summary(file)));
                }
            }
        }
        entries.keySet().retainAll(present);
    }

    private static @Nullable Summary headOf(Iterable<Entry> entries, String sourceId) {
        List<Summary> chain = new ArrayList<>();
        for (Entry e : entries) {
            if (e.summary() != null && e.summary().sourceId().equals(sourceId)) {
                chain.add(e.summary());
            }
        }
        Set<String> named = new HashSet<>();
        chain.forEach(s -> {
            if (s.head().prev() != null) {
                named.add(s.head().prev());
            }
        });
        return chain.stream().filter(s -> !named.contains(s.head().sha3()))
                .max(Comparator.comparing(Summary::createdAt).thenComparing(s -> s.head().file())).orElse(null);
    }

    private static @Nullable Summary summary(Path file) throws IOException {
        ReceiptChain.Link link = ReceiptChain.link(file);
        return link == null ? null
                : new Summary(link.sourceId(), new ReceiptChain.Head(link.file(), link.sha3(), link.prev()), link.createdAt());
    }

    private Known known(Path dir) {
        synchronized (known) {
            return known.computeIfAbsent(dir, d -> new Known());
        }
    }
}
