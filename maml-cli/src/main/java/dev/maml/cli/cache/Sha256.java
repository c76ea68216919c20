package dev.maml.cli.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, the cache's one hash: collision-resistant, so a file cannot be made to match a clean entry. */
final class Sha256 {

    private Sha256() {
    }

    static byte[] of(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }
}
