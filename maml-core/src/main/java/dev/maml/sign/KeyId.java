package dev.maml.sign;

import java.security.PublicKey;

/** The short name of a public key: the first 16 hex digits of SHA3-256 over its SubjectPublicKeyInfo DER. */
public final class KeyId {

    private KeyId() {
    }

    public static String of(PublicKey key) {
        return Digests.sha3_256Hex(key.getEncoded()).substring(0, 16);
    }
}
