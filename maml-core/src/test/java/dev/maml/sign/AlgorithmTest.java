package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Round-3 names are legacy; a key's parameter set comes only from an ML-DSA algorithm name. */
class AlgorithmTest {

    @Test
    void onlyResolvableRound3NamesAreLegacy() {
        assertTrue(Algorithm.isLegacyName("Dilithium3"));
        assertFalse(Algorithm.isLegacyName("ML-DSA-65"));
        assertFalse(Algorithm.isLegacyName("Dilithium4"), "not a parameter set at all");
        assertFalse(Algorithm.isLegacyName("rsa"));
    }

    @Test
    void aKeysParameterSetComesFromItsMlDsaName() {
        assertEquals(Algorithm.ML_DSA_44, Algorithm.ofKeyAlgorithm("ML-DSA-44"));
        assertEquals(Algorithm.ML_DSA_87, Algorithm.ofKeyAlgorithm("ML-DSA-87"));
        IllegalArgumentException legacy = assertThrows(IllegalArgumentException.class,
                () -> Algorithm.ofKeyAlgorithm("Dilithium3"));
        assertEquals("not an ML-DSA key: Dilithium3", legacy.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Algorithm.ofKeyAlgorithm("Ed25519"));
    }
}
