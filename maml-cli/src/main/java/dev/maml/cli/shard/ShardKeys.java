package dev.maml.cli.shard;

import dev.maml.select.Globs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The key a file is sharded by: its path relative to the first directory argument (or a pattern's
 * fixed leading directory) holding it, with '/' separators, so `maml-run examples` shards alike in
 * /home/a/repo and C:\ci\repo. A file no directory argument holds (named itself, or listed by
 * --files-from) is keyed by its path relative to the current directory, or its absolute path when it
 * lies outside. The key depends only on the file and the directory arguments, not on which argument
 * found it, so every shard of one command line computes the same key for every file.
 */
public final class ShardKeys {

    private final List<Path> roots = new ArrayList<>();
    private final Path cwd = Path.of("").toAbsolutePath().normalize();

    /** @param arguments the command's PATH arguments, as given ("!PATTERN" exclusions are no roots) */
    public ShardKeys(List<String> arguments) {
        for (String argument : arguments) {
            if (argument.startsWith("!")) {
                continue;
            }
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                roots.add(absolute(path));
            } else if (Globs.isGlob(argument) && !Files.exists(path)) {
                String base = Globs.base(argument.startsWith("./") ? argument.substring(2) : argument);
                roots.add(absolute(Path.of(base.isEmpty() ? "." : base)));
            }
        }
    }

    public String key(Path file) {
        Path target = absolute(file);
        for (Path root : roots) {
            if (target.startsWith(root) && !target.equals(root)) {
                return slashed(root.relativize(target));
            }
        }
        return slashed(target.startsWith(cwd) ? cwd.relativize(target) : target);
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private static String slashed(Path path) {
        return path.toString().replace('\\', '/');
    }
}
