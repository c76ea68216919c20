package dev.maml.run;

import dev.maml.receipt.ReceiptStore;
import dev.maml.sign.SignaturePolicy;
import dev.maml.trust.TrustSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * What to run and how (spec section 10 and the options of `maml run`, section 13). Transport-free:
 * the CLI, a server or the language server build one with {@link #builder} and get a
 * {@link RunResult} back. Immutable.
 */
public final class RunRequest {

    private final Path document;
    private final @Nullable ObjectNode input;
    private final Map<String, String> sets;
    private final Identity identity;
    private final @Nullable Path key;
    private final TrustSettings trust;
    private final boolean allowUntrusted;
    private final boolean execCodeBlocks;
    private final @Nullable Path receiptDir;
    private final @Nullable ReceiptStore receiptStore;
    private final boolean record;
    private final boolean receiptSyncedByCaller;
    private final OptionalLong seed;
    private final @Nullable Path root;
    private final @Nullable Path baseDir;
    private final @Nullable String name;
    private final SignaturePolicy signaturePolicy;

    private RunRequest(Builder b) {
        this.document = b.document;
        this.input = b.input == null ? null : b.input.deepCopy();
        this.sets = Map.copyOf(b.sets);
        this.identity = b.identity;
        this.key = b.key;
        this.trust = new TrustSettings(b.trust, b.projectStores);
        this.allowUntrusted = b.allowUntrusted;
        this.execCodeBlocks = b.execCodeBlocks;
        this.receiptDir = b.receiptDir;
        this.receiptStore = b.receiptStore;
        this.record = b.record;
        this.receiptSyncedByCaller = b.receiptSyncedByCaller;
        this.seed = b.seed;
        this.root = b.root;
        this.baseDir = b.baseDir;
        this.name = b.name;
        this.signaturePolicy = b.signaturePolicy;
    }

    /** A request to run {@code document}; every option starts at its default (see {@link Builder}). */
    public static Builder builder(Path document) {
        return new Builder(document);
    }

    /** A plain `maml run FILE`: as agent://local, no key, nothing extra. */
    public static RunRequest of(Path document) {
        return builder(document).build();
    }

    /** The document file. */
    public Path document() {
        return document;
    }

    /** The `--input` JSON object; null when none was given. */
    public @Nullable ObjectNode input() {
        return input == null ? null : input.deepCopy();
    }

    /** The `--set key=value` pairs (the last value of a key won). */
    public Map<String, String> sets() {
        return sets;
    }

    /** Who asks to run it (section 5). */
    public Identity identity() {
        return identity;
    }

    /**
     * The ML-DSA private key that signs the result and the receipt; null: an ephemeral key pair
     * signs the result and the receipt is unsigned.
     */
    public @Nullable Path key() {
        return key;
    }

    /** Extra trusted public key files (`--trust`), and whether allowed project stores count. */
    public TrustSettings trust() {
        return trust;
    }

    /** Run a document whose valid signature is by a key in no trust store. */
    public boolean allowUntrusted() {
        return allowUntrusted;
    }

    /** Run the code blocks of a security or quantum workflow (or of any type) too. */
    public boolean execCodeBlocks() {
        return execCodeBlocks;
    }

    /** Where receipts and sealed payloads go; null: next to the document. */
    public @Nullable Path receiptDir() {
        return receiptDir;
    }

    /**
     * Where the receipt goes when not into a directory as a file of its own (a database that server
     * replicas share); null: {@link #receiptDir()} or next to the document. Sealed payloads still go
     * to {@link #receiptDir()}.
     */
    public @Nullable ReceiptStore receiptStore() {
        return receiptStore;
    }

    /** Append EXECUTE and RECEIPT History entries to the document. */
    public boolean record() {
        return record;
    }

    /**
     * The caller forces the receipt's directory to disk ({@link dev.maml.io.DirectorySync}) before it
     * reports the receipt, so that many receipts share one fsync (maml-run); false: the run does.
     */
    public boolean receiptSyncedByCaller() {
        return receiptSyncedByCaller;
    }

    /** Seeds every random choice that may be seeded (QKD, run id); empty: SecureRandom. */
    public OptionalLong seed() {
        return seed;
    }

    /**
     * The directory tree the files the document names must stay in (spec 10.2a), a server's
     * --root; null: the document's own directory.
     */
    public @Nullable Path root() {
        return root;
    }

    /**
     * The directory the document is read as living in: the relative paths it names, its public key
     * and the project trust store are looked up from here, and receipts go here when there is no
     * receipt directory. A server holds a posted document in a private temporary file and sets this
     * to its --root, so the temporary file's surroundings never decide what a run reads or trusts.
     * Null: the document file's own directory.
     */
    public @Nullable Path baseDir() {
        return baseDir;
    }

    /**
     * How the result (`document`) and the run's messages name the document: the name it was given
     * ({@link Builder#name}), else its path as given. A server names a posted document so, rather than
     * by the temporary file it is held in.
     */
    public String displayName() {
        return name != null ? name : document.toString();
    }

    /** The weakest signature accepted (`--min-algorithm`). */
    public SignaturePolicy signaturePolicy() {
        return signaturePolicy;
    }

    /**
     * Named options with the command line's defaults: agent://local, no input, no --set, no key
     * (ephemeral), no extra trust, untrusted signatures refused, no code blocks beyond a workflow's,
     * receipts next to the document, no History record, unseeded, read from and confined to the
     * document's directory, every ML-DSA parameter set accepted.
     */
    public static final class Builder {

        private final Path document;
        private @Nullable ObjectNode input;
        private final Map<String, String> sets = new LinkedHashMap<>();
        private Identity identity = Identity.LOCAL;
        private @Nullable Path key;
        private final List<Path> trust = new ArrayList<>();
        private boolean projectStores = true;
        private boolean allowUntrusted;
        private boolean execCodeBlocks;
        private @Nullable Path receiptDir;
        private @Nullable ReceiptStore receiptStore;
        private boolean record;
        private boolean receiptSyncedByCaller;
        private OptionalLong seed = OptionalLong.empty();
        private @Nullable Path root;
        private @Nullable Path baseDir;
        private @Nullable String name;
        private SignaturePolicy signaturePolicy = SignaturePolicy.ANY;

        private Builder(Path document) {
            this.document = Objects.requireNonNull(document, "document");
        }

        public Builder input(ObjectNode object) {
            this.input = Objects.requireNonNull(object, "input");
            return this;
        }

        /** One `--set key=value`; a later value for the same key wins. */
        public Builder set(String key, String value) {
            sets.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Several `--set` pairs, in order. */
        public Builder sets(Map<String, String> pairs) {
            pairs.forEach(this::set);
            return this;
        }

        public Builder identity(Identity who) {
            this.identity = Objects.requireNonNull(who, "identity");
            return this;
        }

        public Builder key(Path privateKey) {
            this.key = Objects.requireNonNull(privateKey, "key");
            return this;
        }

        public Builder trust(List<Path> publicKeys) {
            trust.addAll(publicKeys);
            return this;
        }

        /** The keys of {@code settings}, and whether allowed project stores count (a server's never do). */
        public Builder trust(TrustSettings settings) {
            trust.addAll(settings.keys());
            projectStores = settings.projectStores();
            return this;
        }

        public Builder allowUntrusted(boolean allow) {
            this.allowUntrusted = allow;
            return this;
        }

        public Builder execCodeBlocks(boolean exec) {
            this.execCodeBlocks = exec;
            return this;
        }

        public Builder receiptDir(Path dir) {
            this.receiptDir = Objects.requireNonNull(dir, "receiptDir");
            return this;
        }

        public Builder receiptStore(ReceiptStore store) {
            this.receiptStore = Objects.requireNonNull(store, "receiptStore");
            return this;
        }

        public Builder record(boolean append) {
            this.record = append;
            return this;
        }

        /** See {@link RunRequest#receiptSyncedByCaller()}. */
        public Builder receiptSyncedByCaller(boolean later) {
            this.receiptSyncedByCaller = later;
            return this;
        }

        public Builder seed(long value) {
            this.seed = OptionalLong.of(value);
            return this;
        }

        public Builder root(Path tree) {
            this.root = Objects.requireNonNull(tree, "root");
            return this;
        }

        public Builder baseDir(Path dir) {
            this.baseDir = Objects.requireNonNull(dir, "baseDir");
            return this;
        }

        /** The name the result and messages give the document (see {@link RunRequest#displayName()}). */
        public Builder name(String shown) {
            this.name = Objects.requireNonNull(shown, "name");
            return this;
        }

        public Builder signaturePolicy(SignaturePolicy policy) {
            this.signaturePolicy = Objects.requireNonNull(policy, "signaturePolicy");
            return this;
        }

        public RunRequest build() {
            return new RunRequest(this);
        }
    }
}
