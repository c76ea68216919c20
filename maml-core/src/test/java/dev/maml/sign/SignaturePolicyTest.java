package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** --min-algorithm: no value accepts every set, a value accepts itself and stronger, a non-ML-DSA name is refused. */
class SignaturePolicyTest {

    @Test
    void noValueOrABlankOneMeansAny() {
        assertSame(SignaturePolicy.ANY, SignaturePolicy.minimum(null));
        assertSame(SignaturePolicy.ANY, SignaturePolicy.minimum(" \t"));
        assertTrue(SignaturePolicy.ANY.accepts(Algorithm.ML_DSA_44));
    }

    @Test
    void theMinimumAcceptsItselfAndStrongerSetsOnly() {
        SignaturePolicy policy = SignaturePolicy.minimum("ML-DSA-65");
        assertEquals(Algorithm.ML_DSA_65, policy.minimum());
        assertFalse(policy.accepts(Algorithm.ML_DSA_44));
        assertTrue(policy.accepts(Algorithm.ML_DSA_65));
        assertTrue(policy.accepts(Algorithm.ML_DSA_87));
    }

    @Test
    void aNameThatIsNotMlDsaIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SignaturePolicy.minimum("rsa"));
        assertEquals("--min-algorithm: 'rsa' is not ML-DSA-44, ML-DSA-65 or ML-DSA-87", e.getMessage());
    }
}
