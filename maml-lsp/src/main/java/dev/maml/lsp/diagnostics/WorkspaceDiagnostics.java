package dev.maml.lsp.diagnostics;

import dev.maml.model.FileKind;
import dev.maml.select.GitIgnores;
import dev.maml.toolchain.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.eclipse.lsp4j.WorkspaceDocumentDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * `workspace/diagnostic`: the findings of the MAML files under the workspace folders that are
 * not open in the editor (open ones are pushed from their buffers), linted as `maml lint DIR`
 * lints them: the same file names ({@link FileKind}), the same directories skipped, what git
 * ignores left out ({@link GitIgnores}: .gitignore files and info/exclude, as `maml lint` without
 * --no-ignore), the same configuration and ignores (a file the lint config ignores gets an empty
 * report). Bounded, so a huge folder cannot stall the server: at most {@link #MAX_FILES} files, each at most {@link #MAX_BYTES}
 * (a larger one is left out, as a file the linter would refuse).
 */
public final class WorkspaceDiagnostics {

    public static final int MAX_FILES = 1000;
    public static final long MAX_BYTES = 1L << 20;

    /** The diagnostics of a linter's findings (links to the rule pages of its settings). */
    private final Function<Linter, DiagnosticsFeature> diagnostics;

    public WorkspaceDiagnostics(Function<Linter, DiagnosticsFeature> diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * One full report per MAML file under {@code folders}, except the {@code open} ones, each linted
     * with the settings {@code linters} gives for it (its workspace folder's).
     */
    public List<WorkspaceDocumentDiagnosticReport> report(List<Path> folders, Set<Path> open,
                                                          Function<Path, Linter> linters, CancelChecker cancel) {
        List<WorkspaceDocumentDiagnosticReport> out = new ArrayList<>();
        for (Path file : files(folders, cancel)) {
            cancel.checkCanceled();
            if (open.contains(file)) {
                continue;
            }
            Source source;
            try {
                source = Source.read(file, MAX_BYTES);
            } catch (IOException e) {
                continue; // gone, unreadable or too large since the walk: nothing to report
            }
            Linter linter = linters.apply(file);
            out.add(new WorkspaceDocumentDiagnosticReport(new WorkspaceFullDocumentDiagnosticReport(
                    diagnostics.apply(linter).diagnostics(linter.lint(source), cancel), file.toUri().toString(), null)));
        }
        return out;
    }

    /**
     * The MAML files under the folders that git does not ignore, at most {@link #MAX_FILES} (the
     * first the walk meets), in path order.
     */
    static Set<Path> files(List<Path> folders, CancelChecker cancel) {
        Set<Path> found = new TreeSet<>();
        GitIgnores ignores = new GitIgnores();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try {
                Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        cancel.checkCanceled();
                        return FileKind.passedOver(dir, folder) || ignores.ignored(dir.toAbsolutePath().normalize(), true)
                                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        Path absolute = file.toAbsolutePath().normalize();
                        if (attrs.isRegularFile() && attrs.size() <= MAX_BYTES && FileKind.of(file).isPresent()
                                && !ignores.ignored(absolute, false)) {
                            found.add(absolute);
                        }
                        return found.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE; // an unreadable directory: the rest still counts
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (found.size() >= MAX_FILES) {
                break;
            }
        }
        return found;
    }
}
