package dev.maml.select;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether git would ignore a path of a work tree: the .gitignore files from the work tree's top down
 * to the path's directory (a deeper file overrides a shallower one), then the repository's
 * info/exclude; within one file the last matching pattern decides. As in git, nothing below an
 * ignored directory can be re-included, a directory holding {@code .git} is the top of its own work
 * tree (rules from outside do not reach into it), and outside any work tree nothing is ignored.
 * The user's global excludes (core.excludesFile) are not read: what is linted must not depend on
 * who runs the linter. Paths are absolute and normalised. Thread-safe; files are read once.
 */
public final class GitIgnores {

    private final Map<Path, Optional<Path>> tops = new ConcurrentHashMap<>();
    private final Map<Path, GitIgnoreFile> files = new ConcurrentHashMap<>();
    private final Map<Path, GitIgnoreFile> excludes = new ConcurrentHashMap<>();
    private final Map<Path, Boolean> directories = new ConcurrentHashMap<>();

    /** Whether git ignores {@code path} (a directory when {@code directory}), or a directory above it. */
    public boolean ignored(Path path, boolean directory) {
        Path parent = path.getParent();
        Path top = parent == null ? null : top(parent).orElse(null);
        if (top == null) {
            return false;
        }
        return (!parent.equals(top) && ignoredDirectory(parent)) || matches(top, path, directory);
    }

    private boolean ignoredDirectory(Path dir) {
        Boolean known = directories.get(dir);
        if (known == null) {
            known = ignored(dir, true);
            directories.put(dir, known);
        }
        return known;
    }

    private boolean matches(Path top, Path path, boolean directory) {
        String name = path.toString();
        for (Path dir = path.getParent(); dir != null && dir.startsWith(top); dir = dir.getParent()) {
            GitIgnoreFile file = files.computeIfAbsent(dir, d -> GitIgnoreFile.read(d.resolve(".gitignore")));
            // Most directories have no .gitignore: their verdict needs no relative path (`maml lint --cache`
            // checks every file of a large tree against every level above it, issue 15).
            Boolean verdict = file == GitIgnoreFile.EMPTY ? null : file.verdict(relative(dir, name), directory);
            if (verdict != null) {
                return verdict;
            }
        }
        Boolean verdict = excludes.computeIfAbsent(top.resolve(".git"), GitIgnores::exclude).verdict(relative(top, name), directory);
        return verdict != null && verdict;
    }

    /**
     * {@code path} (the string of an absolute, normalised path below {@code dir}) relative to
     * {@code dir}, '/'-separated: the text after the directory's, as Path.relativize gives it for a
     * path below its argument, without building the intermediate paths.
     */
    private static String relative(Path dir, String path) {
        String prefix = dir.toString();
        int cut = prefix.length() + (prefix.endsWith(dir.getFileSystem().getSeparator()) ? 0 : 1);
        return path.substring(cut).replace('\\', '/');
    }

    /** The top of the work tree holding {@code dir}: the nearest directory (itself included) with a {@code .git}. */
    private Optional<Path> top(Path dir) {
        Optional<Path> known = tops.get(dir);
        if (known == null) {
            known = Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS) ? Optional.of(dir)
                    : dir.getParent() == null ? Optional.empty() : top(dir.getParent());
            tops.put(dir, known);
        }
        return known;
    }

    /**
     * info/exclude of the repository whose {@code .git} is {@code dotGit}: a directory, or in a linked
     * worktree or submodule a file "gitdir: PATH", whose directory may name the shared one in "commondir".
     */
    private static GitIgnoreFile exclude(Path dotGit) {
        try {
            Path gitDir = dotGit;
            if (Files.isRegularFile(dotGit)) {
                String line = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
                if (!line.startsWith("gitdir:")) {
                    return GitIgnoreFile.EMPTY;
                }
                gitDir = dotGit.getParent().resolve(line.substring("gitdir:".length()).strip()).normalize();
                Path common = gitDir.resolve("commondir");
                if (Files.isRegularFile(common)) {
                    gitDir = gitDir.resolve(Files.readString(common, StandardCharsets.UTF_8).strip()).normalize();
                }
            }
            return GitIgnoreFile.read(gitDir.resolve("info").resolve("exclude"));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            // An unreadable or odd .git file: git would stop; the linter lints without these rules.
            return GitIgnoreFile.EMPTY;
        }
    }
}
