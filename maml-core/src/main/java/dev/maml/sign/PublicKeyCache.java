package dev.maml.sign;

import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public keys already decoded, with their key ids, by their SubjectPublicKeyInfo DER: a verifier
 * meets the same few keys again and again, and decoding one (Bouncy Castle's KeyFactory) and hashing
 * it for its id cost as much as a tenth of an ML-DSA verification. Equal DER is the same key, and
 * only keys that decoded are kept, so a hit answers exactly what decoding again would. Bouncy
 * Castle's public keys are immutable, so threads share them. Bounded: emptied when full.
 */
final class PublicKeyCache {

    private static final int MAX_ENTRIES = 256;
    private static final ConcurrentHashMap<ByteBuffer, PublicKeyRef.Resolved> KEYS = new ConcurrentHashMap<>();

    private PublicKeyCache() {
    }

    /** The key {@code der} encodes, decoded once. */
    static PublicKeyRef.Resolved decode(byte[] der, String source) throws KeyFileException {
        PublicKeyRef.Resolved known = KEYS.get(ByteBuffer.wrap(der));
        return known != null ? known : remember(der, KeyFiles.decodePublic(der, source));
    }

    /** {@code key} with its id, the id computed once per key. */
    static PublicKeyRef.Resolved withId(PublicKey key) {
        byte[] der = key.getEncoded();
        PublicKeyRef.Resolved known = KEYS.get(ByteBuffer.wrap(der));
        return known != null ? known : remember(der, key);
    }

    private static PublicKeyRef.Resolved remember(byte[] der, PublicKey key) {
        PublicKeyRef.Resolved resolved = new PublicKeyRef.Resolved(key, KeyId.of(key));
        if (KEYS.size() >= MAX_ENTRIES) {
            KEYS.clear();
        }
        KEYS.put(ByteBuffer.wrap(der.clone()), resolved);
        return resolved;
    }
}
