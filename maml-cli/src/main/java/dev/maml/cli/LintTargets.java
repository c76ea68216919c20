package dev.maml.cli;

import dev.maml.model.FileKind;
import dev.maml.select.GitIgnores;
import dev.maml.select.Globs;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The files `maml lint ARG…` (and `maml fmt`, `maml run-batch`) work on. An argument that names an
 * existing file is that file, whatever its name; an existing directory is searched recursively; any
 * other argument holding a glob character is a pattern ({@link Globs}) matched against the paths
 * below its fixed leading directories; "!PATTERN" leaves out what PATTERN matches (a file, or
 * anything below a directory it matches), whatever the order of the arguments. Searches and patterns
 * pick only the files {@code kinds} accepts, skip {@code .git}, {@code node_modules} and
 * {@code target}, do not follow symbolic links and, unless told otherwise, skip what git ignores
 * ({@link GitIgnores}). Sorted by printed path, each file once.
 */
final class LintTargets {


    /** A file to lint, the path to print for it (relative as given, normalised), and whether it was named itself. */
    record Target(Path file, String display, boolean named) {
    }

    final List<Target> targets;
    /** Arguments that could not be read: exit 2. */
    final List<String> errors;
    /** Named files git ignores: said on standard error, not linted. */
    final List<String> notices;

    /** Each directory or pattern argument and the files it picked; one that picks none is an error ({@link #unmatched}). */
    private final Map<String, List<Target>> searches;
    private final Predicate<Path> kinds;

    private LintTargets(List<Target> targets, List<String> errors, List<String> notices, Map<String, List<Target>> searches,
                        Predicate<Path> kinds) {
        this.targets = targets;
        this.errors = errors;
        this.notices = notices;
        this.searches = searches;
        this.kinds = kinds;
    }

    /** Files and directories as given, every MAML file found, ignoring nothing (`maml run-batch`). */
    static LintTargets collect(List<Path> paths) {
        return select(paths.stream().map(Path::toString).toList(), false, file -> FileKind.of(file).isPresent());
    }

    /** {@code arguments} as `maml lint` reads them; with {@code honourGitIgnore}, git's ignore files apply. */
    static LintTargets select(List<String> arguments, boolean honourGitIgnore, Predicate<Path> kinds) {
        GitIgnores ignores = honourGitIgnore ? new GitIgnores() : null;
        List<Pattern> exclusions = new ArrayList<>();
        List<String> positive = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.startsWith("!") && argument.length() > 1) {
                exclusions.add(Globs.commandLine(withoutDotSlash(argument.substring(1))));
            } else {
                positive.add(argument);
            }
        }
        if (positive.isEmpty()) {
            positive.add(".");
        }
        Map<Path, Target> found = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        Map<String, List<Target>> searches = new LinkedHashMap<>();
        for (String argument : positive) {
            Path path = Path.of(argument);
            try {
                if (Files.exists(path) && !Files.isDirectory(path)) {
                    Target target = target(path, true);
                    if (ignores != null && ignores.ignored(absolute(path), false)) {
                        notices.add(target.display() + ": ignored by git's ignore rules (.gitignore, info/exclude; --no-ignore lints it)");
                    } else if (!excluded(target, exclusions)) {
                        found.putIfAbsent(absolute(path), target);
                    }
                } else if (Files.isDirectory(path) || Globs.isGlob(argument)) {
                    List<Target> picked = new ArrayList<>();
                    for (Path file : search(argument, ignores, kinds)) {
                        Target target = target(file, false);
                        if (!excluded(target, exclusions)) {
                            picked.add(found.computeIfAbsent(absolute(file), f -> target));
                        }
                    }
                    searches.put(argument, picked);
                } else {
                    throw new NoSuchFileException(argument);
                }
            } catch (IOException e) {
                errors.add(Failures.describe(e));
            }
        }
        List<Target> sorted = new ArrayList<>(found.values());
        sorted.sort(Comparator.comparing(Target::display));
        return new LintTargets(sorted, errors, notices, searches, kinds);
    }

    /**
     * One error for each directory or pattern argument none of whose files is in {@code kept} (what is
     * left after the configs' ignores): "no files matching" when it matches no file at all, else that
     * every file it matches is ignored. ESLint fails alike ("No files matching the pattern").
     */
    List<String> unmatched(Collection<Target> kept) {
        Set<Target> left = new HashSet<>(kept);
        List<String> messages = new ArrayList<>();
        searches.forEach((argument, picked) -> {
            if (picked.stream().noneMatch(left::contains)) {
                messages.add(matchesAny(argument)
                        ? "all files matching '" + argument + "' are ignored (by .gitignore, a lint config's ignores or a '!' pattern)"
                        : "no files matching '" + argument + "'");
            }
        });
        return messages;
    }

    private boolean matchesAny(String argument) {
        try {
            return !search(argument, null, kinds).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The files below a directory argument, or matching a pattern argument. */
    private static List<Path> search(String argument, GitIgnores ignores, Predicate<Path> kinds) throws IOException {
        Path dir = Path.of(argument);
        if (Files.isDirectory(dir)) {
            return walk(dir, ignores, kinds);
        }
        String glob = withoutDotSlash(argument);
        String base = Globs.base(glob);
        Path root = Path.of(base.isEmpty() ? "." : base);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Pattern pattern = Globs.commandLine(glob);
        return walk(root, ignores, kinds).stream().filter(file -> pattern.matcher(slashed(file.normalize())).matches()).toList();
    }

    private static List<Path> walk(Path root, GitIgnores ignores, Predicate<Path> kinds) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return FileKind.passedOver(dir, root) || (ignores != null && ignores.ignored(absolute(dir), true))
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && kinds.test(file) && (ignores == null || !ignores.ignored(absolute(file), false))) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }
        });
        return files;
    }

    /** Whether a '!' pattern matches the file's printed path or a directory above it. */
    private static boolean excluded(Target target, List<Pattern> exclusions) {
        if (exclusions.isEmpty()) {
            return false;
        }
        Path path = Path.of(target.display());
        for (int n = path.getNameCount(); n >= 1; n--) {
            String prefix = (path.isAbsolute() ? "/" : "") + slashed(path.subpath(0, n));
            if (exclusions.stream().anyMatch(p -> p.matcher(prefix).matches())) {
                return true;
            }
        }
        return false;
    }

    private static Target target(Path file, boolean named) {
        return new Target(file, file.normalize().toString(), named);
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private static String slashed(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static String withoutDotSlash(String glob) {
        return glob.startsWith("./") ? glob.substring(2) : glob;
    }
}
