package dev.maml.lint.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the configuration for each document: the nearest {@code .maml-lint.yaml} (or
 * {@code .maml-lint.yml}; both in one directory is an error, not a choice) in the document's
 * directory or above it (the nearest one wins, as with markdownlint's {@code .markdownlint.yaml};
 * share settings with {@code extends}), or one fixed file given with {@code --config}. Results are
 * cached per directory, so a run over thousands of files reads each config once. Thread-safe.
 */
public final class ConfigResolver {

    public static final String FILE_NAME = ".maml-lint.yaml";
    /** The other spelling, found like {@link #FILE_NAME} (YAML tools accept both). */
    public static final String SHORT_FILE_NAME = ".maml-lint.yml";

    private final Path fixed;
    private final Path ceiling;
    private final Map<Path, Found> nearest = new ConcurrentHashMap<>();
    private final Map<Path, Loaded> loaded = new ConcurrentHashMap<>();

    private ConfigResolver(Path fixed, Path ceiling) {
        this.fixed = fixed;
        this.ceiling = ceiling;
    }

    /** Discovers configs upward from each document. */
    public static ConfigResolver discovering() {
        return new ConfigResolver(null, null);
    }

    /**
     * Discovers configs upward from each document, but not above {@code top}: for a tree that
     * stands for something else (the git index, checked out into a temporary directory), where a
     * config above it would be a stranger's.
     */
    public static ConfigResolver discoveringWithin(Path top) {
        return new ConfigResolver(null, top.toAbsolutePath().normalize());
    }

    /** Uses {@code configFile} for every document (`--config F`). */
    public static ConfigResolver fixed(Path configFile) {
        return new ConfigResolver(configFile.toAbsolutePath().normalize(), null);
    }

    /** The configuration for a document (for stdin, the name it is given, or a path in the directory to search from). */
    public LintConfig forDocument(Path document) throws LintConfigException {
        Path file = fileFor(document).orElse(null);
        if (file == null) {
            return LintConfig.DEFAULTS;
        }
        Loaded result = loaded.computeIfAbsent(file, Loaded::of);
        if (result.error != null) {
            throw result.error;
        }
        return result.config;
    }

    /**
     * The config file that applies to {@code document} (empty: none, the defaults apply); not read here.
     *
     * @throws LintConfigException when the directory that decides holds both .maml-lint.yaml and .maml-lint.yml
     */
    public Optional<Path> fileFor(Path document) throws LintConfigException {
        if (fixed != null) {
            return Optional.of(fixed);
        }
        Found found = nearestConfig(document.toAbsolutePath().normalize().getParent());
        if (found.error != null) {
            throw found.error;
        }
        return Optional.ofNullable(found.file);
    }

    private Found nearestConfig(Path dir) {
        if (dir == null || (ceiling != null && !dir.startsWith(ceiling))) {
            return Found.NONE;
        }
        Found known = nearest.get(dir);
        if (known != null) {
            return known;
        }
        Path yaml = dir.resolve(FILE_NAME);
        Path yml = dir.resolve(SHORT_FILE_NAME);
        boolean hasYaml = Files.isRegularFile(yaml);
        boolean hasYml = Files.isRegularFile(yml);
        Found found = hasYaml && hasYml
                ? new Found(null, new LintConfigException(dir + ": both " + FILE_NAME + " and " + SHORT_FILE_NAME
                        + " (which one applies would be a guess; keep one)"))
                : hasYaml ? new Found(yaml, null) : hasYml ? new Found(yml, null) : nearestConfig(dir.getParent());
        nearest.put(dir, found);
        return found;
    }

    /** The nearest config file (null: none), or why there is no telling which one it is. */
    private record Found(Path file, LintConfigException error) {
        static final Found NONE = new Found(null, null);
    }

    /** A config or the reason it could not be read, cached alike so every document gets the same answer. */
    private record Loaded(LintConfig config, LintConfigException error) {
        static Loaded of(Path file) {
            try {
                return new Loaded(ConfigReader.read(file), null);
            } catch (LintConfigException e) {
                return new Loaded(null, e);
            }
        }
    }
}
