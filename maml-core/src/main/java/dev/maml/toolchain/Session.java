package dev.maml.toolchain;

import dev.maml.diagnostic.RuleId;
import dev.maml.io.InputFiles;
import dev.maml.lint.LintSettings;
import dev.maml.lint.RuleSetting;
import dev.maml.lint.config.ConfigResolver;
import dev.maml.lint.config.LintConfig;
import dev.maml.lint.config.LintConfigException;
import dev.maml.lint.config.SeverityWord;
import dev.maml.sign.SignaturePolicy;
import dev.maml.trust.TrustSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything a front end decides once and the {@link Toolchain} applies to every document: where lint
 * configs come from (discovered upward from each document, or one fixed file as {@code --config}),
 * the directory a nameless document is configured from, the editor's severity overrides (applied last,
 * over the config file's), the trust the person running the tool gives (extra key files, whether
 * project stores count), the signature policy ({@code --min-algorithm}), the signing identity, the
 * largest file read, and the clock and randomness for signing. Immutable and thread-safe (the config
 * cache is shared): build one per settings change, not per document.
 */
public final class Session {

    private final ConfigResolver configs;
    private final boolean honourIgnores;
    private final Path workingDirectory;
    private final Map<RuleId, SeverityWord> severities;
    private final List<String> problems;
    private final TrustSettings trust;
    private final SignaturePolicy signaturePolicy;
    private final @Nullable Identity identity;
    private final long maxBytes;
    private final Clock clock;
    private final SecureRandom random;

    private Session(Builder b) {
        this.workingDirectory = b.workingDirectory;
        this.honourIgnores = b.honourIgnores;
        this.configs = b.configFile != null ? ConfigResolver.fixed(workingDirectory.resolve(b.configFile))
                : b.configCeiling != null ? ConfigResolver.discoveringWithin(b.configCeiling) : ConfigResolver.discovering();
        Map<RuleId, SeverityWord> words = new EnumMap<>(RuleId.class);
        List<String> bad = new ArrayList<>();
        b.severities.forEach((rule, word) -> {
            RuleId id = RuleId.find(rule).orElse(null);
            SeverityWord parsed = SeverityWord.parse(word).orElse(null);
            if (id == null) {
                bad.add("severities: unknown rule '" + rule + "' (expected a rule id such as MAML012, or its alias)");
            } else if (parsed == null) {
                bad.add("severities: " + rule + ": unknown severity '" + word + "' (" + SeverityWord.EXPECTED + ")");
            } else {
                words.put(id, parsed);
            }
        });
        this.severities = words.isEmpty() ? Map.of() : words;
        this.problems = List.copyOf(bad);
        this.trust = b.trust;
        this.signaturePolicy = b.signaturePolicy;
        this.identity = b.identity;
        this.maxBytes = b.maxBytes;
        this.clock = b.clock;
        this.random = b.random;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Discovered configs, standard trust, any ML-DSA parameter set, configured from the current directory. */
    public static Session standard() {
        return builder().build();
    }

    /**
     * The settings for a document named {@code path} (null: a nameless one, configured from the working
     * directory, and never ignored, as there is no name to match).
     */
    public Resolution resolve(@Nullable Path path) {
        Path name = path != null ? path.toAbsolutePath().normalize() : workingDirectory.resolve("stdin");
        LintConfig config;
        try {
            config = configs.forDocument(name);
        } catch (LintConfigException e) {
            return new Resolution.BrokenConfig(e.getMessage());
        }
        if (path != null && honourIgnores && config.ignores(name)) {
            return Resolution.IGNORED;
        }
        return new Resolution.Lint(settings(config.settingsFor(path == null ? null : name)));
    }

    private LintSettings settings(LintSettings base) {
        if (severities.isEmpty()) {
            return new LintSettings(base.rules(), base.documentPath(), trust);
        }
        Map<RuleId, RuleSetting> rules = new EnumMap<>(RuleId.class);
        rules.putAll(base.rules());
        severities.forEach((id, word) -> rules.put(id, word.applyTo(base.setting(id))));
        return new LintSettings(rules, base.documentPath(), trust);
    }

    /** What was wrong in the severity overrides (unknown rules, bad words); those entries are not applied. */
    public List<String> problems() {
        return problems;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    public TrustSettings trust() {
        return trust;
    }

    public SignaturePolicy signaturePolicy() {
        return signaturePolicy;
    }

    public @Nullable Identity identity() {
        return identity;
    }

    /** A file on disk as a {@link Source}, within {@link #maxBytes()}. */
    public Source read(Path file) throws IOException {
        return Source.read(file, maxBytes);
    }

    /** The largest file the toolchain reads (documents, receipts' sources). */
    public long maxBytes() {
        return maxBytes;
    }

    public Clock clock() {
        return clock;
    }

    public SecureRandom random() {
        return random;
    }

    /** Builds a {@link Session}; every setting has the command line's default. */
    public static final class Builder {

        private @Nullable Path configFile;
        private boolean honourIgnores = true;
        private @Nullable Path configCeiling;
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private Map<String, String> severities = Map.of();
        private TrustSettings trust = TrustSettings.STANDARD;
        private SignaturePolicy signaturePolicy = SignaturePolicy.ANY;
        private @Nullable Identity identity;
        private long maxBytes = InputFiles.MAX_BYTES;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();

        private Builder() {
        }

        /** One config for every document ({@code --config}; relative to the working directory); null: discovery. */
        public Builder config(@Nullable Path file) {
            this.configFile = file;
            return this;
        }

        /** Discovers configs, but not above {@code top} (a checked-out git index stands for another tree). */
        public Builder configWithin(Path top) {
            this.configCeiling = top.toAbsolutePath().normalize();
            return this;
        }

        /**
         * Resolves documents the config ignores like any other: the config's {@code ignores} say which
         * files `maml lint` picks up, while a run checks the one document it was given.
         */
        public Builder includeIgnored() {
            this.honourIgnores = false;
            return this;
        }

        /** Where relative settings start and nameless documents are configured from (default: the current directory). */
        public Builder workingDirectory(Path dir) {
            this.workingDirectory = dir.toAbsolutePath().normalize();
            return this;
        }

        /** Rule id or alias to {@link SeverityWord}, applied over the config file's settings (an editor's overrides). */
        public Builder severities(Map<String, String> overrides) {
            this.severities = new LinkedHashMap<>(overrides);
            return this;
        }

        public Builder trust(TrustSettings trust) {
            this.trust = trust;
            return this;
        }

        public Builder signaturePolicy(SignaturePolicy policy) {
            this.signaturePolicy = policy;
            return this;
        }

        public Builder identity(@Nullable Identity identity) {
            this.identity = identity;
            return this;
        }

        public Builder maxBytes(long maxBytes) {
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("maxBytes must be positive");
            }
            this.maxBytes = maxBytes;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder random(SecureRandom random) {
            this.random = random;
            return this;
        }

        public Session build() {
            return new Session(this);
        }
    }
}
