package dev.maml.cli.cache;

import dev.maml.lint.config.LintConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What `maml lint` does for {@code --cache}: checks its options, opens the cache, saves it and says how it went. */
public final class CachedRun {

    private final LintCache cache;
    private final Path file;
    private final PrintWriter err;

    private CachedRun(LintCache cache, Path file, PrintWriter err) {
        this.cache = cache;
        this.file = file;
        this.err = err;
    }

    /** What is wrong with the cache options, or null. */
    public static @Nullable String usageError(boolean cache, @Nullable Path location, String strategy, boolean stdin) {
        if (!cache && location != null) {
            return "--cache-location needs --cache";
        }
        if (!cache && !"content".equals(strategy)) {
            return "--cache-strategy needs --cache";
        }
        if (cache && stdin) {
            return "--cache needs files; standard input is never cached";
        }
        if (strategy(strategy) == null) {
            return "unknown cache strategy '" + strategy + "' (expected content or metadata)";
        }
        return null;
    }

    private static @Nullable CacheStrategy strategy(String name) {
        for (CacheStrategy s : CacheStrategy.values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(name)) {
                return s;
            }
        }
        return null;
    }

    /**
     * Opens the cache for a run ({@code config}: {@code --config}, or null); notices go to {@code err}.
     *
     * @throws LintConfigException when the directory whose config decides holds both config names
     */
    public static CachedRun open(@Nullable Path location, @Nullable Path config, String strategy, PrintWriter err)
            throws LintConfigException {
        Path file = CacheLocation.of(location, config, Path.of(""));
        return new CachedRun(LintCache.open(file, strategy(strategy), m -> err.println("maml: " + m)), file, err);
    }

    public LintCache cache() {
        return cache;
    }

    /**
     * Saves the cache; a cache that cannot be written costs the next run its speed, not this run its
     * result, so that is a notice and the exit code stays the findings'. With {@code --debug}, says
     * how many of the {@code linted} files came from the cache.
     */
    public void finish(int linted, boolean debug) {
        try {
            cache.save();
        } catch (IOException e) {
            err.println("maml: lint cache " + file + " not written: " + e.getMessage());
        }
        if (debug) {
            err.println("maml: lint cache " + file + ": " + cache.replayed() + " of " + linted + " files from the cache");
        }
    }
}
