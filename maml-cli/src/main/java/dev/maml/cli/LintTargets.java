package dev.maml.cli;

import dev.maml.model.FileKind;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files `maml lint PATH…` checks: named files as they are, directories searched recursively
 * for {@code *.maml.md}, {@code *.maml.markdown} and {@code *.mu}, skipping {@code .git},
 * {@code node_modules} and {@code target}. Sorted by printed path, each file once.
 */
final class LintTargets {

    private static final Set<String> SKIPPED = Set.of(".git", "node_modules", "target");

    /** A file to lint and the path to print for it (relative as given, normalised). */
    record Target(Path file, String display) {
    }

    final List<Target> targets;
    final List<String> errors;

    private LintTargets(List<Target> targets, List<String> errors) {
        this.targets = targets;
        this.errors = errors;
    }

    static LintTargets collect(List<Path> paths) {
        Map<Path, Target> found = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (Path path : paths) {
            try {
                if (Files.isDirectory(path)) {
                    walk(path, found);
                } else if (Files.exists(path)) {
                    add(path, found);
                } else {
                    throw new NoSuchFileException(path.toString());
                }
            } catch (IOException e) {
                errors.add(Failures.describe(e));
            }
        }
        List<Target> sorted = new ArrayList<>(found.values());
        sorted.sort(Comparator.comparing(Target::display));
        return new LintTargets(sorted, errors);
    }

    private static void walk(Path root, Map<Path, Target> found) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                Path name = dir.getFileName();
                return !dir.equals(root) && name != null && SKIPPED.contains(name.toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && FileKind.of(file).isPresent()) {
                    add(file, found);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }
        });
    }

    private static void add(Path file, Map<Path, Target> found) {
        found.putIfAbsent(file.toAbsolutePath().normalize(), new Target(file, file.normalize().toString()));
    }
}
