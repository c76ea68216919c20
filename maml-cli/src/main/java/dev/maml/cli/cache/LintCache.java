package dev.maml.cli.cache;

import dev.maml.io.AtomicFiles;
import dev.maml.io.InputFiles;
import dev.maml.lint.LintResult;
import dev.maml.lint.LintSettings;
import dev.maml.model.FileKind;
import dev.maml.model.LineIndex;
import dev.maml.report.LintedFile;
import dev.maml.sign.Digests;
import dev.maml.sign.VerificationBlock;
import dev.maml.toolchain.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * `maml lint --cache`: the findings of files linted before, replayed when nothing they depend on
 * changed. An entry is used only when the file's content hashes to the entry's SHA-256 (or, with
 * {@link CacheStrategy#METADATA}, has the entry's size and time), its effective settings digest to
 * the entry's, and the whole cache was written by this very tool ({@link ToolStamp}). Only files
 * whose findings depend on nothing else are stored: not receipts (MU006 reads their source) and not
 * documents with a {@code verification:} block (the signature check reads key files and trust
 * stores). Thread-safe: files are looked up and stored from the lint pool's threads.
 */
public final class LintCache {

    /** The largest cache file read: far above 10,000 files with findings, far below any -Xmx. */
    static final long MAX_BYTES = 256L << 20;
    private static final Set<PosixFilePermission> FOREIGN = EnumSet.complementOf(
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));

    /** One digest per lint thread, reused for every file it hashes. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Digests::sha256Digest);

    private final Path file;
    private final CacheStrategy strategy;
    private final byte[] stamp;
    private final Map<String, CacheEntry> loaded;
    private final Map<String, CacheEntry> current = new ConcurrentHashMap<>();
    private final Set<String> visited = ConcurrentHashMap.newKeySet();
    private final SettingsDigest settings = new SettingsDigest();
    private final AtomicInteger replayed = new AtomicInteger();
    private volatile boolean changed;

    private LintCache(Path file, CacheStrategy strategy, byte[] stamp, Map<String, CacheEntry> loaded, boolean changed) {
        this.file = file;
        this.strategy = strategy;
        this.stamp = stamp;
        this.loaded = loaded;
        this.changed = changed;
    }

    /**
     * Loads the cache at {@code file}; a missing one starts empty, one written by another version
     * is dropped silently, and anything doubtful (not private to its owner, too large, damaged) is
     * dropped with a notice. Either way the run goes on, and {@link #save} rewrites the file.
     */
    public static LintCache open(Path file, CacheStrategy strategy, Consumer<String> notice) {
        byte[] stamp = ToolStamp.current();
        try {
            CacheFile.Contents contents = CacheFile.read(readPrivate(file));
            if (Arrays.equals(contents.stamp(), stamp)) {
                return new LintCache(file, strategy, stamp, contents.entries(), false);
            }
        } catch (NoSuchFileException e) {
            // no cache yet
        } catch (IOException e) {
            notice.accept("lint cache " + file + " ignored: " + e.getMessage());
        } catch (CacheFile.CorruptCacheException e) {
            notice.accept("lint cache " + file + " ignored (" + e.getMessage() + "); it will be rewritten");
        }
        return new LintCache(file, strategy, stamp, Map.of(), true);
    }

    /**
     * The file's bytes when it is one maml wrote: a regular file with no permission for group or
     * others (it is written 0600). A cache committed to a repository is checked out 0644, so a
     * repository cannot hand its users findings it made up.
     */
    private static byte[] readPrivate(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new IOException("not a regular file");
        }
        if (attributes.size() > MAX_BYTES) {
            throw new IOException("larger than " + MAX_BYTES + " bytes");
        }
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Set<PosixFilePermission> permissions = Files.readAttributes(file, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).permissions();
            permissions.retainAll(FOREIGN);
            if (!permissions.isEmpty()) {
                throw new IOException("it is not private (group or others have permissions; maml writes it 0600)");
            }
        }
        return InputFiles.read(file, MAX_BYTES);
    }

    /** Looks {@code path} (a file about to be linted with {@code fileSettings}) up; reads it as needed. */
    public Lookup lookup(Path path, LintSettings fileSettings, long maxBytes) throws IOException {
        return new Lookup(path, settings.of(fileSettings), maxBytes);
    }

    /** How many files were answered from the cache in this run. */
    public int replayed() {
        return replayed.get();
    }

    /** Writes the cache (atomically, 0600) when this run changed it; entries of files not linted now are kept while they exist. */
    public void save() throws IOException {
        Map<String, CacheEntry> kept = new TreeMap<>();
        for (Map.Entry<String, CacheEntry> e : loaded.entrySet()) {
            if (!visited.contains(e.getKey())) {
                if (Files.exists(Path.of(e.getKey()))) {
                    kept.put(e.getKey(), e.getValue());
                } else {
                    changed = true;
                }
            }
        }
        if (!changed) {
            return;
        }
        Map<String, CacheEntry> all = new TreeMap<>(current);
        all.putAll(kept);
        AtomicFiles.write(file, AtomicFiles.OWNER_ONLY, out -> CacheFile.write(out, stamp, all.values()));
    }

    private static byte[] sha256(byte[] content) {
        return SHA256.get().digest(content);
    }

    /** One file's way through the cache: its entry, if usable, and what to store after linting it. */
    public final class Lookup {

        private final Path path;
        private final String key;
        private final byte[] settingsDigest;
        private final long maxBytes;
        private final FileState state;
        private byte @Nullable [] bytes;
        private @Nullable CacheEntry hit;

        private Lookup(Path path, byte[] settingsDigest, long maxBytes) throws IOException {
            this.path = path;
            this.key = path.toAbsolutePath().normalize().toString();
            this.settingsDigest = settingsDigest;
            this.maxBytes = maxBytes;
            // Metadata before content: a change while the file is read leaves an older state behind, never a newer one.
            this.state = FileState.ofRegular(path);
            visited.add(key);
            CacheEntry entry = loaded.get(key);
            if (entry != null && entry.hasSettings(settingsDigest)) {
                boolean sameState = entry.state().equals(state);
                if (strategy == CacheStrategy.METADATA && sameState) {
                    hit = entry;
                } else if (entry.state().size() == state.size() && entry.hasSha256(sha256(bytes()))) {
                    hit = sameState ? entry : entry.seenAs(state);
                }
            }
        }

        /** The file's content, read once (within the session's limit). */
        public byte[] bytes() throws IOException {
            if (bytes == null) {
                bytes = InputFiles.readRegular(path, state.size(), maxBytes);
            }
            return bytes;
        }

        /**
         * The cached findings as the reports want them, or null when the file must be linted: no
         * usable entry, or a {@code --fix} run with something to fix (its edits are not replayed).
         */
        public @Nullable LintedFile replay(String display, boolean fix) throws IOException {
            if (hit == null || fix && hit.findings().stream().anyMatch(d -> d.fix() != null)) {
                return null;
            }
            String text = hit.findings().isEmpty() ? "" : Source.of(bytes(), path).text();
            if (text == null) {
                return null; // no longer UTF-8, so not what was stored: lint it
            }
            LineIndex lines = new LineIndex(text);
            keep(hit);
            replayed.incrementAndGet();
            return new LintedFile(display, lines, hit.findings());
        }

        /**
         * Stores what linting found in {@code content} (the file as read, or as a fix wrote it back),
         * when those findings depend on that content and the settings alone.
         */
        public void store(byte[] content, LintResult result) throws IOException {
            String text = Source.of(content, path).text();
            boolean selfContained = FileKind.named(path) == FileKind.DOCUMENT && text != null
                    && text.equals(result.document().text())
                    && VerificationBlock.of(result.document()).map(b -> b.entry() == null).orElse(true);
            if (!selfContained) {
                if (loaded.containsKey(key)) {
                    changed = true; // its entry goes: what was true of it before no longer is
                }
                return;
            }
            // A fix wrote the file back: the state to remember is the written file's.
            FileState seen = content == bytes ? state : FileState.of(path);
            keep(new CacheEntry(key, sha256(content), seen, settingsDigest, result.diagnostics()));
        }

        private void keep(CacheEntry entry) {
            current.put(key, entry);
            if (entry != loaded.get(key)) {
                changed = true;
            }
        }
    }
}
