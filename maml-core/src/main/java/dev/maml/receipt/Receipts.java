package dev.maml.receipt;

import dev.maml.io.AtomicFiles;
import dev.maml.io.DirectorySync;
import dev.maml.io.InputFiles;
import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.sign.Digests;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.PublicKeyRef;
import dev.maml.sign.StrictUtf8;
import dev.maml.yaml.YamlScalar;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Creates receipt files: reads the source, finds the previous receipt of the same document in the
 * output directory (the chain), writes the new one atomically. The run pipeline sets a
 * {@link RunRecord}; {@code maml receipt create} sets none.
 */
public final class Receipts {

    /** Attempts at a free chain name when other processes keep taking them. */
    private static final int NAME_ATTEMPTS = 20;
    /** How many receipt names (directory and document stem) {@link #nextName} remembers a number for. */
    private static final int REMEMBERED_NAMES = 4096;
    /** The number {@link #nextName} chose last per directory and stem. */
    private static final Map<Path, Integer> LAST_NUMBER = new ConcurrentHashMap<>();

    private Receipts() {
    }

    /** A receipt of {@code source}: set what differs from the defaults, then {@link Builder#create()} or {@link Builder#draft}. */
    public static Builder of(Path source) {
        return new Builder(source);
    }

    /** A receipt's text and the file it belongs in, not yet written. */
    public record Draft(Path file, String text) {
    }

    /**
     * What a receipt is made from. Defaults: the next free name next to the source, no run record
     * (`maml receipt create`), unsigned, the current time, and hedged signing from a fresh SecureRandom.
     */
    public static final class Builder {

        private final Path source;
        private @Nullable Path out;
        private @Nullable Path into;
        private @Nullable RunRecord run;
        private @Nullable Path keyFile;
        private @Nullable String publicKeyRef;
        private @Nullable Instant at;
        private @Nullable SecureRandom random;
        private boolean syncedByCaller;

        private Builder(Path source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        /** The receipt to write; by default {@code NAME.mu}, or {@code NAME.2.mu}, {@code NAME.3.mu}… when taken. */
        public Builder out(Path file) {
            this.out = Objects.requireNonNull(file, "out");
            this.into = null;
            return this;
        }

        /** The run the receipt records (the run pipeline's receipts). */
        public Builder run(RunRecord record) {
            this.run = Objects.requireNonNull(record, "run");
            return this;
        }

        /** Signs the receipt with this private key file. */
        public Builder key(Path file) {
            this.keyFile = Objects.requireNonNull(file, "key");
            return this;
        }

        /**
         * signer.public_key to write; by default a sibling PREFIX.pub of the key inside the receipt's
         * directory tree when there is one, else base64.
         */
        public Builder publicKeyRef(String ref) {
            this.publicKeyRef = Objects.requireNonNull(ref, "publicKeyRef");
            return this;
        }

        public Builder at(Instant now) {
            this.at = Objects.requireNonNull(now, "at");
            return this;
        }

        /** The randomness of the hedged signature. */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * {@link #create} leaves forcing the receipt's directory to the caller, who must call
         * {@link DirectorySync#sync} on it before reporting the receipt as written: a batch commits
         * the receipts of many runs with one fsync instead of waiting for one in each run.
         */
        public Builder syncedByCaller() {
            this.syncedByCaller = true;
            return this;
        }

        /** The receipt goes under the next free chain name in {@code dir} (by default: the source's directory). */
        public Builder into(Path dir) {
            this.into = Objects.requireNonNull(dir, "dir");
            this.out = null;
            return this;
        }

        /**
         * Reads the source, writes the receipt atomically (mode 0600), forces its name to disk
         * ({@link DirectorySync}, unless {@link #syncedByCaller}) and returns its path: a receipt
         * returned survives a crash. Finding
         * the chain's head and writing the receipt that follows it happen under the directory's lock,
         * so concurrent runs of one document in one process (a server, a batch) extend the chain one
         * after the other instead of forking it. Another process may still write between the two
         * steps; a receipt under a free name never replaces one it wrote, and verification reports the
         * fork that remains.
         */
        public Path create() throws IOException {
            Path written = writeUnderLock();
            if (!syncedByCaller) {
                // The new name is durable only once its directory is; outside the lock, so that writers
                // of one directory share the fsync (group commit) instead of queueing for one each.
                DirectorySync.sync(written.toAbsolutePath().normalize().getParent());
            }
            return written;
        }

        private Path writeUnderLock() throws IOException {
            String text = strictUtf8(InputFiles.read(source), source);
            ReentrantLock lock = ReceiptLocks.of(directory());
            lock.lock();
            try {
                for (int attempt = 1;; attempt++) {
                    Draft draft = draft(text);
                    byte[] bytes = draft.text().getBytes(StandardCharsets.UTF_8);
                    if (out != null) {
                        AtomicFiles.write(draft.file(), bytes, AtomicFiles.OWNER_ONLY);
                        return draft.file();
                    }
                    try {
                        boolean current = ReceiptHeads.SHARED.current(directory());
                        AtomicFiles.create(draft.file(), bytes, AtomicFiles.OWNER_ONLY);
                        ReceiptHeads.SHARED.written(directory(), draft.file(), current);
                        return draft.file();
                    } catch (FileAlreadyExistsException e) {
                        if (attempt == NAME_ATTEMPTS) { // someone keeps taking the names: give up, clearly
                            throw new IOException(draft.file() + ": the receipt name was taken " + NAME_ATTEMPTS
                                    + " times while writing; is another process writing receipts here?", e);
                        }
                    }
                }
            } finally {
                lock.unlock();
            }
        }

        private Path directory() {
            if (out != null) {
                return out.toAbsolutePath().normalize().getParent();
            }
            return (into != null ? into : sourceDirectory(source)).toAbsolutePath().normalize();
        }

        /**
         * The receipt {@link #create} would write, for {@code text} as the content of the source (an
         * editor's buffer may differ from the file on disk): the chain is still read from disk.
         */
        public Draft draft(String text) throws IOException {
            MamlDocument doc = DocumentParser.parse(text);
            Path dir = directory();
            Path target = out != null ? out : nextName(source, dir);
            ReceiptChain.Head head = head(doc, source, dir);
            String prev = head == null ? null : head.sha3();
            if (head != null && head.file().toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
                prev = head.prev(); // replacing the newest receipt: the new one follows what it followed
            }
            return new Draft(target, render(doc, text, prev, dir));
        }

        /**
         * The receipt for a store that keeps the chain itself ({@link ReceiptStore}): it reads the
         * source now and writes the text once the store knows the head it follows. Without
         * {@link #publicKeyRef} a signed receipt names its key in base64 (no directory to point into).
         */
        public Unwritten unwritten() throws IOException {
            String text = strictUtf8(InputFiles.read(source), source);
            MamlDocument doc = DocumentParser.parse(text);
            String id = sourceId(doc);
            return new Unwritten(id != null ? id : source.getFileName().toString(), stem(source),
                    prev -> render(doc, text, prev, null));
        }

        /** @param dir the receipt's directory, where a sibling public key may be named; null: base64 */
        private String render(MamlDocument doc, String text, @Nullable String prev, @Nullable Path dir) throws IOException {
            String sourceId = sourceId(doc);
            PrivateKey key = keyFile == null ? null : KeyFiles.readPrivate(keyFile);
            String ref = publicKeyRef;
            if (key != null && ref == null) {
                PublicKey pub = KeyFiles.publicOf(key);
                String sibling = dir == null ? null : PublicKeyRef.siblingOf(keyFile, pub, dir);
                ref = sibling != null ? sibling : PublicKeyRef.base64(pub);
            }
            Receipt receipt = new Receipt(source.getFileName().toString(), sourceId,
                    Digests.sha3_256Hex(text.getBytes(StandardCharsets.UTF_8)), at != null ? at : Instant.now(), run,
                    prev);
            SecureRandom signing = key == null ? null : random != null ? random : new SecureRandom();
            try {
                return ReceiptWriter.write(receipt, text, key, ref, signing);
            } catch (GeneralSecurityException e) {
                throw new IOException("ML-DSA signing failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * A receipt whose place in its chain is not known yet.
     *
     * @param chain the key its document's receipts are chained by: the document's id, or its file name
     * @param stem  the document's file name without its extension, for naming the receipt
     * @param text  the receipt's text once it follows the receipt with the given SHA3-256 (null: the first)
     */
    public record Unwritten(String chain, String stem, Text text) {

        /** Renders (and signs) the receipt after a given head. */
        @FunctionalInterface
        public interface Text {
            String after(@Nullable String prevSha3) throws IOException;
        }
    }

    /**
     * The newest receipt in {@code dir} of the document {@code source} (read as {@code doc}): the one
     * its next receipt follows. Chains are keyed by the document's id, or its file name without one.
     */
    public static ReceiptChain.@Nullable Head head(MamlDocument doc, Path source, Path dir) throws IOException {
        String sourceId = sourceId(doc);
        return ReceiptChain.head(dir, sourceId != null ? sourceId : source.getFileName().toString());
    }

    private static @Nullable String sourceId(MamlDocument doc) {
        return doc.optionalFrontMatter().flatMap(f -> f.mapping()).flatMap(m -> m.scalar("id"))
                .map(YamlScalar::value).orElse(null);
    }

    private static Path sourceDirectory(Path source) {
        Path parent = source.getParent();
        return parent == null ? Path.of("") : parent;
    }

    /**
     * The next free chain name for {@code source}'s receipts in {@code dir}: NAME.mu, NAME.2.mu,
     * NAME.3.mu… Probing starts at the number this process chose last for the same name (called
     * under the directory's lock), so the thousandth run of a document does not test a thousand
     * names; a number freed by deleting its receipt is not used again by this process.
     */
    private static Path nextName(Path source, Path dir) {
        String name = stem(source);
        Path key = dir.resolve(name);
        int n = LAST_NUMBER.getOrDefault(key, 1);
        Path candidate = numbered(dir, name, n);
        while (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            candidate = numbered(dir, name, ++n);
        }
        if (LAST_NUMBER.size() >= REMEMBERED_NAMES) {
            LAST_NUMBER.clear(); // a bound, not a cache policy: forgetting only costs probing again
        }
        LAST_NUMBER.put(key, n);
        return candidate;
    }

    /** The file name without its MAML extension: what a receipt is named after. */
    private static String stem(Path source) {
        String name = source.getFileName().toString();
        for (String ext : new String[] {".maml.md", ".maml.markdown", ".md"}) {
            if (name.endsWith(ext)) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    private static Path numbered(Path dir, String name, int n) {
        return dir.resolve(n == 1 ? name + ".mu" : name + "." + n + ".mu");
    }

    /** The mirror works on text; bytes that are not UTF-8 could not be mirrored back exactly. */
    private static String strictUtf8(byte[] bytes, Path source) throws IOException {
        try {
            return StrictUtf8.decode(bytes);
        } catch (CharacterCodingException e) {
            throw new IOException(source + ": not valid UTF-8; a receipt mirrors text");
        }
    }
}
