package dev.maml.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where project trust stores are: {@code .maml/trusted_keys/} in a document's directory or any
 * directory above it. Paths are canonical (symbolic links above the store resolved), so a store has
 * one name however it is reached; a store whose {@code .maml} or {@code trusted_keys} is itself a
 * symbolic link is not a store, because the record would then bind a name, not the directory.
 */
public final class ProjectStores {

    static final String STORE = ".maml/trusted_keys";

    private ProjectStores() {
    }

    /** The stores above {@code documentDir}, nearest first. */
    public static List<Path> above(Path documentDir) {
        List<Path> stores = new ArrayList<>();
        for (Path p = canonical(documentDir); p != null; p = p.getParent()) {
            of(p).ifPresent(stores::add);
        }
        return stores;
    }

    /** The store of the project directory {@code project}, if it has a real one. */
    public static Optional<Path> of(Path project) {
        Path store = project.resolve(STORE);
        boolean real = Files.isDirectory(store, LinkOption.NOFOLLOW_LINKS)
                && !Files.isSymbolicLink(project.resolve(".maml"));
        return real ? Optional.of(store) : Optional.empty();
    }

    /**
     * The store {@code dir} names for {@code maml trust allow|revoke}: {@code dir/.maml/trusted_keys}, or
     * {@code dir} itself when it is such a store.
     */
    public static Optional<Path> named(Path dir) {
        Path project = canonical(dir);
        Optional<Path> own = of(project);
        if (own.isPresent()) {
            return own;
        }
        Path parent = project.getParent();
        if (parent != null && parent.getParent() != null && project.endsWith(STORE)) {
            return of(parent.getParent());
        }
        return Optional.empty();
    }

    /**
     * The paths a record for {@code dir} may have: {@link #named} when the store exists, else
     * {@code dir} and {@code dir/.maml/trusted_keys} (a deleted project can still be revoked).
     */
    public static List<Path> recordNames(Path dir) {
        Optional<Path> store = named(dir);
        if (store.isPresent()) {
            return List.of(store.get());
        }
        Path path = canonical(dir);
        return List.of(path, path.resolve(STORE));
    }

    /** {@code dir} as the file system names it (real path), or normalised when it does not exist. */
    static Path canonical(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }
}
