package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * Verification answers false, never true and never an exception, for input the library refuses;
 * signing is hedged or deterministic only as asked.
 */
class MlDsaTest {

    @Test
    void aKeyOfAnotherAlgorithmVerifiesNothing() throws Exception {
        KeyPair mlDsa = MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom());
        byte[] message = "m".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = MlDsa.DOCUMENT.sign(mlDsa.getPrivate(), message, new SecureRandom());
        assertTrue(MlDsa.DOCUMENT.verify(mlDsa.getPublic(), message, sig));
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        assertFalse(MlDsa.DOCUMENT.verify(ec.generateKeyPair().getPublic(), message, sig));
        assertFalse(MlDsa.RECEIPT.verify(mlDsa.getPublic(), message, sig), "another context");
        assertFalse(MlDsa.DOCUMENT.verify(mlDsa.getPublic(), message, new byte[0]));
    }

    @Test
    void hedgedSigningRefusesAMissingRandomInsteadOfTurningDeterministic() throws Exception {
        KeyPair keys = MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom());
        byte[] message = "m".getBytes(StandardCharsets.US_ASCII);
        assertThrows(NullPointerException.class, () -> MlDsa.DOCUMENT.sign(keys.getPrivate(), message, null));
        byte[] deterministic = MlDsa.DOCUMENT.signDeterministic(keys.getPrivate(), message);
        assertArrayEquals(deterministic, MlDsa.DOCUMENT.signDeterministic(keys.getPrivate(), message));
        assertTrue(MlDsa.DOCUMENT.verify(keys.getPublic(), message, deterministic));
    }

    @Test
    void contextsOverTwoHundredFiftyFiveBytesAreRefused() {
        new MlDsa(new byte[255]);
        assertThrows(IllegalArgumentException.class, () -> new MlDsa(new byte[256]));
    }
}
