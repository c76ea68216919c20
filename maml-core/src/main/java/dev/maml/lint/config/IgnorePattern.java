package dev.maml.lint.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * One {@code ignores:} glob, relative to the directory of the config file that declares it. As in
 * markdownlint-cli2 (micromatch), a leading {@code **}{@code /} also matches no directory at all, and
 * a pattern that matches a directory ignores everything below it.
 */
public final class IgnorePattern {

    private final Path base;
    private final String glob;
    private final PathMatcher matcher;
    private final PathMatcher topLevel;

    public IgnorePattern(Path base, String glob) {
        this.base = base.toAbsolutePath().normalize();
        this.glob = glob;
        this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        this.topLevel = glob.startsWith("**/") ? FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)) : null;
    }

    public Path base() {
        return base;
    }

    public String glob() {
        return glob;
    }

    public boolean matches(Path file) {
        Path relative = base.relativize(file.toAbsolutePath().normalize());
        if (relative.startsWith("..")) {
            return false;
        }
        for (int n = relative.getNameCount(); n >= 1; n--) {
            Path prefix = relative.subpath(0, n);
            if (matcher.matches(prefix) || (topLevel != null && topLevel.matches(prefix))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return glob + " (in " + base + ")";
    }
}
