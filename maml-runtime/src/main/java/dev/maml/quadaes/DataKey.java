package dev.maml.quadaes;

import dev.maml.sign.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA3Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** The 256-bit data key that encrypts the payload: its derivation and its commitment. */
final class DataKey {

    static final int BYTES = 32;
    private static final byte[] DERIVE_INFO = "maml quad-aes-256-gcm data key v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMIT_LABEL = "maml quad-aes-256-gcm key commitment v1\0"
            .getBytes(StandardCharsets.US_ASCII);

    private DataKey() {
    }

    /**
     * HKDF-SHA3-256 over 32 fresh SecureRandom bytes followed by the extra key material (a QKD key,
     * when a run produced one). The extra material can only add entropy, never remove it; in a
     * simulated QKD run it comes from the same SecureRandom and so adds nothing.
     */
    static byte[] derive(SecureRandom random, byte[] extraKeyMaterial) {
        byte[] ikm = new byte[BYTES + extraKeyMaterial.length];
        byte[] fresh = new byte[BYTES];
        random.nextBytes(fresh);
        System.arraycopy(fresh, 0, ikm, 0, BYTES);
        System.arraycopy(extraKeyMaterial, 0, ikm, BYTES, extraKeyMaterial.length);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA3Digest(256));
        hkdf.init(new HKDFParameters(ikm, null, DERIVE_INFO));
        byte[] key = new byte[BYTES];
        hkdf.generateBytes(key, 0, BYTES);
        return key;
    }

    /**
     * SHA3-256 of a label and the key. Stored in the preamble, it tells which combination of shares
     * rebuilt the right key, and makes the stream key-committing (GCM alone is not).
     */
    static byte[] commitment(byte[] dataKey) {
        MessageDigest sha3 = Digests.sha3_256Digest();
        sha3.update(COMMIT_LABEL);
        return sha3.digest(dataKey);
    }

    static SecretKey aes(byte[] key) {
        return new SecretKeySpec(key, "AES");
    }
}
