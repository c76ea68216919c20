package dev.maml.cli.cache;

import dev.maml.lint.config.ConfigResolver;
import dev.maml.lint.config.LintConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where `maml lint --cache` keeps its cache: {@code --cache-location PATH} (a directory gets the
 * default name inside it), else {@value #NAME} next to the config in use: the {@code --config}
 * file, or the {@code .maml-lint.yaml} (or {@code .yml}) that applies to the current directory; without either, in
 * the current directory (as ESLint's {@code .eslintcache}).
 */
public final class CacheLocation {

    public static final String NAME = ".maml-lint-cache";

    private CacheLocation() {
    }

    /** @throws LintConfigException when the directory whose config decides holds both config names */
    public static Path of(@Nullable Path option, @Nullable Path config, Path workingDirectory) throws LintConfigException {
        Path dir = workingDirectory.toAbsolutePath().normalize();
        if (option != null) {
            Path given = dir.resolve(option);
            return Files.isDirectory(given) ? given.resolve(NAME) : given;
        }
        Path configFile = config != null ? dir.resolve(config)
                : ConfigResolver.discovering().fileFor(dir.resolve(NAME)).orElse(null);
        return (configFile == null ? dir : configFile.toAbsolutePath().normalize().getParent()).resolve(NAME);
    }
}
