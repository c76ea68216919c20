package dev.maml.quadaes;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The one AEAD of the container: AES-GCM with 96-bit nonces and 128-bit tags from the JDK provider
 * (which uses AES-NI and carry-less multiply; Bouncy Castle's pure-Java GCM is far slower). Payload
 * chunks and wrapped shares both go through this class, and the Wycheproof vectors test it.
 * Not thread-safe: one instance per thread.
 */
public final class Gcm {

    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;

    private final Cipher cipher;

    public Gcm() {
        try {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK provides no AES/GCM", e);
        }
    }

    /** Encrypts {@code in[off, off+len)} into {@code out} at {@code outOff}; returns len + 16. */
    public int encrypt(SecretKey key, byte[] nonce, byte[] aad, byte[] in, int off, int len, byte[] out, int outOff) {
        init(Cipher.ENCRYPT_MODE, key, nonce, aad);
        try {
            return cipher.doFinal(in, off, len, out, outOff);
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("output buffer too small", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts and authenticates {@code in[off, off+len)} (ciphertext || tag); returns the plaintext length.
     *
     * @throws AEADBadTagException when the tag does not authenticate key, nonce, AAD and ciphertext
     */
    public int decrypt(SecretKey key, byte[] nonce, byte[] aad, byte[] in, int off, int len, byte[] out, int outOff)
            throws AEADBadTagException {
        if (len < TAG_BYTES) {
            throw new AEADBadTagException("ciphertext shorter than the tag");
        }
        init(Cipher.DECRYPT_MODE, key, nonce, aad);
        try {
            return cipher.doFinal(in, off, len, out, outOff);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("output buffer too small", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    public byte[] encrypt(SecretKey key, byte[] nonce, byte[] aad, byte[] plaintext) {
        byte[] out = new byte[plaintext.length + TAG_BYTES];
        encrypt(key, nonce, aad, plaintext, 0, plaintext.length, out, 0);
        return out;
    }

    public byte[] decrypt(SecretKey key, byte[] nonce, byte[] aad, byte[] sealed) throws AEADBadTagException {
        byte[] out = new byte[Math.max(0, sealed.length - TAG_BYTES)];
        decrypt(key, nonce, aad, sealed, 0, sealed.length, out, 0);
        return out;
    }

    private void init(int mode, SecretKey key, byte[] nonce, byte[] aad) {
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("AES-GCM nonces here are 96 bits, not " + nonce.length * 8);
        }
        try {
            cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        } catch (InvalidKeyException | InvalidAlgorithmParameterException e) {
            throw new IllegalArgumentException("bad AES-GCM key or nonce: " + e.getMessage(), e);
        }
        cipher.updateAAD(aad); // an empty AAD is a no-op
    }
}
