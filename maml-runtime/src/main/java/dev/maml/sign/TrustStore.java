package dev.maml.sign;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The public keys a user trusts (spec section 8): every {@code *.pub} in the nearest
 * {@code .maml/trusted_keys/} found upward from the document, in
 * {@code $XDG_CONFIG_HOME/maml/trusted_keys/} (default {@code ~/.config/maml/trusted_keys/}), and
 * the files given with {@code --trust}. Trust means "this exact key" (SPKI DER equality); a trust
 * store says nothing about who holds the private key or whether it was revoked.
 */
public final class TrustStore {

    public static final TrustStore EMPTY = new TrustStore(Set.of(), List.of());

    private final Set<ByteBuffer> keys;
    private final List<String> warnings;

    private TrustStore(Set<ByteBuffer> keys, List<String> warnings) {
        this.keys = Set.copyOf(keys);
        this.warnings = List.copyOf(warnings);
    }

    /** The standard stores for a document in {@code documentDir} (null: none) plus explicit files. */
    public static TrustStore standard(Path documentDir, List<Path> trustFiles) throws IOException {
        List<Path> dirs = new ArrayList<>();
        if (documentDir != null) {
            for (Path p = documentDir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
                Path candidate = p.resolve(".maml/trusted_keys");
                if (Files.isDirectory(candidate)) {
                    dirs.add(candidate);
                    break;
                }
            }
        }
        dirs.add(userDirectory());
        return of(dirs, trustFiles);
    }

    /**
     * Keys from {@code *.pub} files in {@code dirs} (unreadable ones become warnings: one bad file
     * must not hide the others) and from {@code files} (given explicitly, so a bad one is an error).
     */
    public static TrustStore of(List<Path> dirs, List<Path> files) throws IOException {
        Set<ByteBuffer> keys = new HashSet<>();
        List<String> warnings = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.pub")) {
                for (Path file : entries) {
                    try {
                        keys.add(ByteBuffer.wrap(KeyFiles.readPublic(file).getEncoded()));
                    } catch (IOException e) {
                        warnings.add("trust store: " + e.getMessage());
                    }
                }
            }
        }
        for (Path file : files) {
            keys.add(ByteBuffer.wrap(KeyFiles.readPublic(file).getEncoded()));
        }
        return new TrustStore(keys, warnings);
    }

    public boolean trusts(PublicKey key) {
        return keys.contains(ByteBuffer.wrap(key.getEncoded()));
    }

    /** Problems met while loading (unreadable key files in a trust directory). */
    public List<String> warnings() {
        return warnings;
    }

    static Path userDirectory() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("maml/trusted_keys");
    }
}
