package dev.maml.sign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The project's digests (JDK implementations): SHA3-256 (FIPS 202), the one digest of signatures
 * and receipts; SHA-256 (FIPS 180-4) where a format or a user's tool expects it (the lint cache,
 * shard keys, GitLab fingerprints, `maml serve`'s token file, which operators fill with sha256sum).
 */
public final class Digests {

    private Digests() {
    }

    public static byte[] sha3_256(byte[] bytes) {
        return digest("SHA3-256", bytes);
    }

    public static String sha3_256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha3_256(bytes));
    }

    /** A SHA3-256 digest to feed as bytes go by (a container as it is written), not thread-safe. */
    public static MessageDigest sha3_256Digest() {
        return instance("SHA3-256");
    }

    public static byte[] sha256(byte[] bytes) {
        return digest("SHA-256", bytes);
    }

    /**
     * A SHA-256 digest to reuse (not thread-safe): looking the algorithm up costs more than hashing
     * a small file, which `maml lint --cache` does for every file of a tree (issue 15).
     */
    public static MessageDigest sha256Digest() {
        return instance("SHA-256");
    }

    /** SHA-256 of {@code text} in UTF-8. */
    public static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        return instance(algorithm).digest(bytes);
    }

    private static MessageDigest instance(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + algorithm, e);
        }
    }
}
