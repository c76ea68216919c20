package dev.maml.sign;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA3-256, the one digest of signatures and receipts (JDK implementation, FIPS 202). */
public final class Digests {

    private Digests() {
    }

    public static byte[] sha3_256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA3-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA3-256", e);
        }
    }

    public static String sha3_256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha3_256(bytes));
    }
}
