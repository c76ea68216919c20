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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Chain heads without parsing every receipt of a directory on every run: what each {@code *.mu}
 * said is kept, per directory, with the file's identity (inode), size and modification time, and
 * read again only when one of these changed. A server or batch that runs one document a thousand
 * times lists the directory and stats its files per run instead of parsing a thousand receipts.
 *
 * <p>Entries named {@code *.mu} that are not regular files (a FIFO, a link leading nowhere) are
 * not receipts and are passed over: planting one must not stop the next run.
 *
 * <p>What it does not see: a receipt rewritten in place, to the same size, within one tick of the
 * filesystem's clock. Our writers always replace a receipt by a new file (a new inode); a receipt
 * altered that way fails its own verification, and the receipt that follows it names the bytes it
 * had, so the chain shows the change either way.
 */
final class ReceiptHeads {

    /** Directories remembered in this process; the least recently used is forgotten first. */
    private static final int DIRECTORIES = 64;

    private record Entry(@Nullable Object fileKey, long size, FileTime modified, @Nullable Summary summary) {
        boolean describes(BasicFileAttributes a) {
            return Objects.equals(fileKey, a.fileKey()) && size == a.size() && modified.equals(a.lastModifiedTime());
        }
    }

    /** A receipt's place in its chain; null summary: the file is not a receipt. */
    private record Summary(String sourceId, ReceiptChain.Head head, Instant createdAt) {
    }

    private static final Map<Path, Map<Path, Entry>> KNOWN = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Map<Path, Entry>> eldest) {
            return size() > DIRECTORIES;
        }
    };

    private ReceiptHeads() {
    }

    static ReceiptChain.@Nullable Head head(Path dir, String sourceId) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        Map<Path, Entry> entries = entries(absolute);
        Set<Path> present = new HashSet<>();
        List<Summary> chain = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(absolute, "*.mu")) {
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
                    entry = new Entry(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime(), summary(file));
                    entries.put(file, entry);
                }
                if (entry.summary() != null && entry.summary().sourceId().equals(sourceId)) {
                    chain.add(entry.summary());
                }
            }
        }
        entries.keySet().retainAll(present);
        Set<String> named = new HashSet<>();
        chain.forEach(s -> {
            if (s.head().prev() != null) {
                named.add(s.head().prev());
            }
        });
        return chain.stream().filter(s -> !named.contains(s.head().sha3()))
                .max(Comparator.comparing(Summary::createdAt).thenComparing(s -> s.head().file()))
                .map(Summary::head).orElse(null);
    }

    private static @Nullable Summary summary(Path file) throws IOException {
        ReceiptChain.Link link = ReceiptChain.link(file);
        return link == null ? null
                : new Summary(link.sourceId(), new ReceiptChain.Head(link.file(), link.sha3(), link.prev()), link.createdAt());
    }

    private static Map<Path, Entry> entries(Path dir) {
        synchronized (KNOWN) {
            return KNOWN.computeIfAbsent(dir, d -> new ConcurrentHashMap<>());
        }
    }
}
