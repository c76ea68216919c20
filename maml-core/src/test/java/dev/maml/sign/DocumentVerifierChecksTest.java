package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each check of DocumentVerifier, attacked one at a time on a document that verifies: the outcome and
 * the reason must name that check, and the key facts must be those of the key actually used.
 */
class DocumentVerifierChecksTest {

    private static final KeyPair KEYS = MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom());
    private static final String KEY_ID = KeyId.of(KEYS.getPublic());
    private static final String SIGNED = sign("---\nid: x\nverification:\n  method: ml-dsa-44\n---\n## Intent\nx\n");

    private static String sign(String text) {
        try {
            return DocumentSigner.sign(text, KEYS.getPrivate(), null, null, Instant.EPOCH, new SecureRandom());
        } catch (SigningException e) {
            throw new AssertionError(e);
        }
    }

    private static Verification verify(String text) {
        return DocumentVerifier.verify(text, null, TrustStore.EMPTY);
    }

    private static void assertMalformed(String reason, Verification v) {
        assertEquals(Outcome.MALFORMED, v.outcome(), v.reason());
        assertEquals(reason, v.reason());
    }

    @Test
    void theUntouchedDocumentVerifiesWithItsKeyFacts() {
        Verification v = verify(SIGNED);
        assertEquals(Outcome.VALID_UNTRUSTED, v.outcome(), v.reason());
        assertEquals("signed by key " + KEY_ID + ", which is in no trust store", v.reason());
        assertEquals(Algorithm.ML_DSA_44, v.algorithm());
        assertEquals(KEY_ID, v.keyId());
    }

    @Test
    void aTrustedKeySaysSo(@TempDir Path dir) throws Exception {
        Path pub = dir.resolve("k.pub");
        Files.writeString(pub, KeyFiles.encodePublic(KEYS.getPublic()));
        Verification v = DocumentVerifier.verify(SIGNED, null, TrustStore.of(List.of(), List.of(pub)));
        assertEquals(Outcome.VALID, v.outcome());
        assertEquals("signed by trusted key " + KEY_ID, v.reason());
    }

    @Test
    void aWeakerParameterSetThanThePolicyIsBelowMinimumEvenWhenValid() {
        byte[] bytes = SIGNED.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Verification v = DocumentVerifier.verify(bytes, null, TrustStore.EMPTY, SignaturePolicy.minimum("ml-dsa-65"));
        assertEquals(Outcome.BELOW_MINIMUM, v.outcome());
        assertEquals("signed with ML-DSA-44, weaker than the ML-DSA-65 this verifier requires (--min-algorithm)",
                v.reason());
        assertEquals(KEY_ID, v.keyId());
        assertEquals(Outcome.VALID_UNTRUSTED, DocumentVerifier.verify(bytes, null, TrustStore.EMPTY,
                SignaturePolicy.minimum("ml-dsa-44")).outcome(), "the minimum itself is accepted");
    }

    @Test
    void anyChangedByteIsInvalidWithTheKeyFacts() {
        Verification v = verify(SIGNED.replace("## Intent\nx\n", "## Intent\ny\n"));
        assertEquals(Outcome.INVALID, v.outcome());
        assertEquals("the signature does not match the document (changed after signing, or not signed by this key)",
                v.reason());
        assertEquals(Algorithm.ML_DSA_44, v.algorithm());
        assertEquals(KEY_ID, v.keyId());
    }

    @Test
    void missingMethodOrPublicKeyIsMalformed() {
        assertMalformed("verification.method is missing", verify(SIGNED.replace("  method: ml-dsa-44\n", "")));
        assertMalformed("verification.public_key is missing",
                verify(SIGNED.replaceFirst("  public_key: \"[^\"]*\"\n", "")));
        assertMalformed("verification.method 'rsa' is not a signature method of this tool (ml-dsa-44, ml-dsa-65, ml-dsa-87)",
                verify(SIGNED.replace("method: ml-dsa-44", "method: rsa")));
    }

    @Test
    void aKeyIdInCapitalsStillNamesTheKeyButAnotherOneDoesNot() {
        String upper = SIGNED.replace(KEY_ID + "\"", KEY_ID.toUpperCase(java.util.Locale.ROOT) + "\"");
        assertTrue(upper.contains(KEY_ID.toUpperCase(java.util.Locale.ROOT)));
        // key_id is signed, so the changed case breaks the signature, but it still names the key.
        assertEquals(Outcome.INVALID, verify(upper).outcome(), "key_id is compared without case");
        Verification other = verify(SIGNED.replace(KEY_ID + "\"", "0000000000000000\""));
        assertMalformed("verification.key_id 0000000000000000 does not match the public key (" + KEY_ID + ")", other);
        assertEquals(KEY_ID, other.keyId());
        assertEquals(Algorithm.ML_DSA_44, other.algorithm());
    }

    @Test
    void aPublicKeyOfAnotherParameterSetNamesBoth() {
        Verification v = verify(SIGNED.replace("method: ml-dsa-44", "method: ml-dsa-87"));
        assertMalformed("verification.method says ML-DSA-87 but the public key is ML-DSA-44", v);
        assertEquals(Algorithm.ML_DSA_44, v.algorithm());
        assertEquals(KEY_ID, v.keyId());
    }

    @Test
    void aMissingKeyFileIsNamed(@TempDir Path dir) {
        String doc = SIGNED.replaceFirst("public_key: \"base64:[^\"]*\"", "public_key: \"gone.pub\"");
        Verification v = DocumentVerifier.verify(doc, dir, TrustStore.EMPTY);
        assertEquals(Outcome.MALFORMED, v.outcome(), v.reason());
        assertTrue(v.reason().startsWith("cannot read the public key: "), v.reason());
        assertTrue(v.reason().endsWith("gone.pub: no such file"), v.reason());
    }

    @Test
    void mixedLineBreaksInASignedDocumentAreMalformed() {
        Verification v = verify(SIGNED.replace("## Intent\nx\n", "## Intent\r\nx\n"));
        assertEquals(Outcome.MALFORMED, v.outcome(), v.reason());
        assertTrue(v.reason().contains("one kind of line break"), v.reason());
    }

    @Test
    void aSignatureLineThatIsNotCanonicalIsMalformedNotInvalid() {
        Verification v = verify(SIGNED.replace("  signature: \"", "  signature:  \""));
        assertEquals(Outcome.MALFORMED, v.outcome(), v.reason());
        assertEquals(SignatureLine.form(SignatureLine.DOCUMENT_INDENT), v.reason());
    }
}
