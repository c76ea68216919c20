package dev.maml.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.maml.parse.DocumentParser;
import dev.maml.sign.Algorithm;
import dev.maml.sign.DocumentVerifier;
import dev.maml.sign.Outcome;
import dev.maml.sign.SignaturePolicy;
import dev.maml.sign.TrustStore;
import dev.maml.sign.Verification;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Spec 8's --min-algorithm, as the verifier's own setting (what the CLI and the servers pass). */
class MinAlgorithmPolicyTest {

    private static Verification verify(Algorithm signedWith, String minimum) {
        String signed = SignedSamples.sign(SignedSamples.DOCUMENT, signedWith);
        SignaturePolicy policy = SignaturePolicy.minimum(minimum);
        Verification file = DocumentVerifier.verify(signed.getBytes(StandardCharsets.UTF_8), null, TrustStore.EMPTY,
                policy);
        Verification parsed = DocumentVerifier.verify(DocumentParser.parse(signed), null, TrustStore.EMPTY, policy);
        assertEquals(file.outcome(), parsed.outcome(), "both entry points apply the policy");
        return file;
    }

    @Test
    void weakerSignaturesAreBelowTheMinimum() {
        Verification v = verify(Algorithm.ML_DSA_44, "ML-DSA-65");
        assertEquals(Outcome.BELOW_MINIMUM, v.outcome());
        assertEquals("signed with ML-DSA-44, weaker than the ML-DSA-65 this verifier requires (--min-algorithm)",
                v.reason());
        assertFalse(v.outcome().signatureValid(), "nothing that asks 'is it valid?' lets it through");
        assertEquals(Outcome.BELOW_MINIMUM, verify(Algorithm.ML_DSA_65, "ml_dsa_87").outcome());
    }

    @Test
    void theMinimumAndStrongerPass() {
        assertEquals(Outcome.VALID_UNTRUSTED, verify(Algorithm.ML_DSA_65, "ML-DSA-65").outcome());
        assertEquals(Outcome.VALID_UNTRUSTED, verify(Algorithm.ML_DSA_87, "Dilithium3").outcome());
        assertEquals(Outcome.VALID_UNTRUSTED, verify(Algorithm.ML_DSA_44, null).outcome());
    }

    @Test
    void anInvalidSignatureStaysInvalidWhateverItsStrength() {
        String signed = SignedSamples.sign(SignedSamples.DOCUMENT, Algorithm.ML_DSA_44).replace("telemetry", "Telemetry");
        assertEquals(Outcome.INVALID, DocumentVerifier.verify(signed.getBytes(StandardCharsets.UTF_8), null,
                TrustStore.EMPTY, SignaturePolicy.minimum("ML-DSA-87")).outcome());
    }

    @Test
    void policyNames() {
        assertSame(SignaturePolicy.ANY, SignaturePolicy.minimum(" "));
        assertEquals(Algorithm.ML_DSA_87, SignaturePolicy.minimum("ML-DSA-87").minimum());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SignaturePolicy.minimum("rsa"));
        assertEquals("--min-algorithm: 'rsa' is not ML-DSA-44, ML-DSA-65 or ML-DSA-87", e.getMessage());
    }
}
