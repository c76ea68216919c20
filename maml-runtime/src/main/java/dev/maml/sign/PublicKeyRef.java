package dev.maml.sign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * The {@code public_key} value of a verification block: {@code base64:<SPKI DER>} (self-contained)
 * or a path to a PEM public key, relative to the document's directory.
 */
public final class PublicKeyRef {

    public static final String BASE64_PREFIX = "base64:";

    private PublicKeyRef() {
    }

    public static String base64(PublicKey key) {
        return BASE64_PREFIX + Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** @param documentDir the document's directory, or null when it has none (stdin) */
    public static PublicKey resolve(String ref, Path documentDir) throws IOException {
        String r = ref.strip();
        if (r.startsWith(BASE64_PREFIX)) {
            byte[] der;
            try {
                der = Base64.getDecoder().decode(r.substring(BASE64_PREFIX.length()).strip());
            } catch (IllegalArgumentException e) {
                throw new KeyFileException("public_key: invalid base64 after \"base64:\"");
            }
            return KeyFiles.decodePublic(der, "public_key");
        }
        if (r.isEmpty()) {
            throw new KeyFileException("public_key is empty");
        }
        Path path = Path.of(r);
        if (!path.isAbsolute()) {
            if (documentDir == null) {
                throw new KeyFileException("public_key " + r + " is a relative path, and the document has no directory");
            }
            path = documentDir.resolve(path);
        }
        return KeyFiles.readPublic(path);
    }

    /**
     * The default reference to the public half of {@code keyFile}: PREFIX.pub next to PREFIX.key when
     * it holds that key and lies inside {@code dir} (a document's or receipt's directory tree, so the
     * reference survives moving the tree), else null (the caller embeds the key as base64).
     */
    public static String siblingOf(Path keyFile, PublicKey pub, Path dir) throws IOException {
        String name = keyFile.getFileName().toString();
        if (!name.endsWith(".key")) {
            return null;
        }
        Path sibling = keyFile.resolveSibling(name.substring(0, name.length() - ".key".length()) + ".pub");
        if (!Files.isRegularFile(sibling) || !sibling.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize())
                || !Arrays.equals(KeyFiles.readPublic(sibling).getEncoded(), pub.getEncoded())) {
            return null;
        }
        return relativePath(dir, sibling);
    }

    /** A path from the document's directory to {@code keyFile}, with '/' separators. */
    public static String relativePath(Path documentDir, Path keyFile) {
        Path rel = documentDir.toAbsolutePath().normalize().relativize(keyFile.toAbsolutePath().normalize());
        return rel.toString().replace('\\', '/');
    }
}
