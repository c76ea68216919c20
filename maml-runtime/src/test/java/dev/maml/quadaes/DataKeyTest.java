package dev.maml.quadaes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class DataKeyTest {

    /** A SecureRandom that returns a fixed byte pattern, so the derivation can be recomputed. */
    private static SecureRandom fixed(byte fill) {
        return new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, fill);
            }
        };
    }

    @Test
    void derivationIsHkdfSha3OverRandomThenExtraMaterial() throws GeneralSecurityException {
        byte[] extra = {0, 1, 1, 0, 1, 0, 0, 1};
        byte[] ikm = new byte[32 + extra.length];
        Arrays.fill(ikm, 0, 32, (byte) 0x5a);
        System.arraycopy(extra, 0, ikm, 32, extra.length);
        // RFC 5869 with the JDK's HmacSHA3-256, independently of Bouncy Castle's HKDF.
        Mac mac = Mac.getInstance("HmacSHA3-256");
        mac.init(new SecretKeySpec(new byte[32], "HmacSHA3-256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA3-256"));
        mac.update("maml quad-aes-256-gcm data key v1".getBytes(StandardCharsets.US_ASCII));
        byte[] okm = mac.doFinal(new byte[] {1});

        assertArrayEquals(okm, DataKey.derive(fixed((byte) 0x5a), extra));
    }

    @Test
    void extraMaterialChangesTheKey() {
        assertFalse(Arrays.equals(DataKey.derive(fixed((byte) 1), new byte[0]),
                DataKey.derive(fixed((byte) 1), new byte[] {1})));
    }

    @Test
    void commitmentIsLabelledSha3() throws GeneralSecurityException {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        MessageDigest sha3 = MessageDigest.getInstance("SHA3-256");
        sha3.update("maml quad-aes-256-gcm key commitment v1\0".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(sha3.digest(key), DataKey.commitment(key));
    }
}
