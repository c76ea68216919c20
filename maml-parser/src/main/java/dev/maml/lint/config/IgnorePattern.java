package dev.maml.lint.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * One {@code ignores:} glob, relative to the directory of the config file that declares it. As in
 * markdownlint-cli2 (micromatch), a leading {@code **}{@code /} also matches no directory at all, and
 * a pattern that matches a directory ignores everything below it.
 */
public record IgnorePattern(Path base, String glob) {

    public IgnorePattern {
        base = base.toAbsolutePath().normalize();
    }

    public boolean matches(Path file) {
        Path relative = base.relativize(file.toAbsolutePath().normalize());
        if (relative.startsWith("..")) {
            return false;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        PathMatcher rootMatcher = glob.startsWith("**/")
                ? FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)) : null;
        for (int n = relative.getNameCount(); n >= 1; n--) {
            Path prefix = relative.subpath(0, n);
            if (matcher.matches(prefix) || (rootMatcher != null && rootMatcher.matches(prefix))) {
                return true;
            }
        }
        return false;
    }
}
