package dev.maml.model;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a file is, by its name: a MAML document or a `.mu` receipt (spec sections 1 and 9). */
public enum FileKind {
    DOCUMENT, RECEIPT;

    /** Directories a search for MAML files passes over: version control, dependencies, build output. */
    private static final Set<String> PASSED_OVER = Set.of(".git", "node_modules", "target");

    /**
     * Whether a search of {@code searched} (`maml lint DIR`, the editor's workspace diagnostics)
     * passes over {@code dir} and what is below it; the directory searched itself never is.
     */
    public static boolean passedOver(Path dir, Path searched) {
        Path name = dir.getFileName();
        return !dir.equals(searched) && name != null && PASSED_OVER.contains(name.toString());
    }

    /** The kind of a file name, or empty for a file `maml lint` does not pick up in a directory. */
    public static Optional<FileKind> of(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".maml.md") || n.endsWith(".maml.markdown")) {
            return Optional.of(DOCUMENT);
        }
        return n.endsWith(".mu") ? Optional.of(RECEIPT) : Optional.empty();
    }

    /** The kind of a file named explicitly (on the command line, or as stdin's name): a document unless it is a `.mu`. */
    public static FileKind named(Path file) {
        return of(file).orElse(DOCUMENT);
    }
}
