package dev.maml.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The directory tree a document may name files in (spec 10.2a): its own directory by default, or
 * a server's {@code --root}. A document is hostile input, so a path it names is resolved here and
 * refused when it is absolute, when {@code ..} leaves the tree, or when a symbolic link on the way
 * leads out of it. Checked on the real file system at resolution time: a local user who can swap
 * files inside the tree between this check and the read can still race it (see docs/run.md).
 */
public final class DocumentTree {

    private final Path root;

    /** @param root the tree's top directory (need not be the document's own directory) */
    public DocumentTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * Resolves {@code ref} (as written in the document) against {@code base}, a directory inside
     * the tree (usually the document's directory).
     *
     * @param what names the setting in the message ("dataset", "verification.public_key")
     * @return the resolved path (not the real path, so that messages show what the document wrote)
     * @throws OutsideTreeException when the path leaves the tree
     */
    public Path resolve(Path base, String ref, String what) throws IOException {
        Path written;
        try {
            written = Path.of(ref);
        } catch (InvalidPathException e) {
            throw new OutsideTreeException(what, ref, "not a path");
        }
        if (written.isAbsolute() || ref.startsWith("~")) {
            throw new OutsideTreeException(what, ref, "absolute paths are not allowed");
        }
        Path resolved = base.toAbsolutePath().normalize().resolve(written).normalize();
        if (!resolved.startsWith(root)) {
            throw new OutsideTreeException(what, ref, "it leaves " + root);
        }
        Path realRoot = root.toRealPath();
        Path existing = resolved;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return resolved;
        }
        if (Files.isSymbolicLink(existing) && !Files.exists(existing)) {
            throw new OutsideTreeException(what, ref, "a symbolic link that leads nowhere");
        }
        if (!existing.toRealPath().startsWith(realRoot)) {
            throw new OutsideTreeException(what, ref, "a symbolic link leads out of " + root);
        }
        return resolved;
    }
}
