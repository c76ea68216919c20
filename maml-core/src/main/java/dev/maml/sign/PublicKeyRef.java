package dev.maml.sign;

import dev.maml.io.DocumentTree;
import dev.maml.io.InputFiles;
import dev.maml.io.OutsideTreeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * The {@code public_key} value of a verification block: {@code base64:<SPKI DER>} (self-contained)
 * or a path to a PEM public key, relative to the document's directory and inside its tree (spec
 * 10.2a): the value comes from the document, so an absolute path, a {@code ..} that leaves the
 * directory or a link that leads out would let a document make its reader open any file.
 */
public final class PublicKeyRef {

    public static final String BASE64_PREFIX = "base64:";

    private PublicKeyRef() {
    }

    public static String base64(PublicKey key) {
        return BASE64_PREFIX + Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** A public key and its {@link KeyId}. */
    public record Resolved(PublicKey key, String keyId) {
    }

    /** @param documentDir the document's directory, or null when it has none (stdin) */
    public static PublicKey resolve(String ref, Path documentDir) throws IOException {
        return resolveWithId(ref, documentDir).key();
    }

    /** As {@link #resolve}, with the key's id; a key seen before is not decoded or hashed again ({@link PublicKeyCache}). */
    public static Resolved resolveWithId(String ref, Path documentDir) throws IOException {
        String r = ref.strip();
        if (r.startsWith(BASE64_PREFIX)) {
            byte[] der;
            try {
                der = Base64.getDecoder().decode(r.substring(BASE64_PREFIX.length()).strip());
            } catch (IllegalArgumentException e) {
                throw new KeyFileException("public_key: invalid base64 after \"base64:\"");
            }
            return PublicKeyCache.decode(der, "public_key");
        }
        if (r.isEmpty()) {
            throw new KeyFileException("public_key is empty");
        }
        if (documentDir == null) {
            throw new KeyFileException("public_key " + r
                    + " names a file (a relative path from the document's directory), and the document has no directory");
        }
        Path path = new DocumentTree(documentDir).resolve(documentDir, r, "public_key");
        InputFiles.requireRegular(path);
        return PublicKeyCache.withId(KeyFiles.readPublic(path));
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

    /**
     * A path from the document's directory to {@code keyFile}, with '/' separators.
     *
     * @throws OutsideTreeException when the key lies outside the directory's tree: {@link #resolve}
     *                              would refuse the reference, so the document could never verify
     */
    public static String relativePath(Path documentDir, Path keyFile) throws OutsideTreeException {
        Path dir = documentDir.toAbsolutePath().normalize();
        Path key = keyFile.toAbsolutePath().normalize();
        if (!key.startsWith(dir)) {
            throw new OutsideTreeException("public key", keyFile.toString(), "it is not under " + dir
                    + "; move it there, or leave the public key out to embed it as base64");
        }
        return dir.relativize(key).toString().replace('\\', '/');
    }
}
