package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Where signing puts the verification keys: each case pins the exact text around them, since a key
 * written at the wrong indentation or with the wrong line break would be read by YAML as something
 * else (or make the signature line non-canonical).
 */
class VerificationEditorTest {

    private static final KeyPair KEYS = MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom());
    private static final String KEY_ID = KeyId.of(KEYS.getPublic());
    private static final String PUB = PublicKeyRef.base64(KEYS.getPublic());

    private static String sign(String text) throws SigningException {
        String signed = DocumentSigner.sign(text, KEYS.getPrivate(), null, null, Instant.EPOCH, new SecureRandom());
        assertEquals(Outcome.VALID_UNTRUSTED, DocumentVerifier.verify(signed, null, TrustStore.EMPTY).outcome(), signed);
        return signed;
    }

    private static String keys(String eol) {
        return "  method: ml-dsa-44" + eol + "  key_id: \"" + KEY_ID + "\"" + eol + "  public_key: \"" + PUB + "\"" + eol
                + "  signed_at: 1970-01-01T00:00:00Z" + eol + "  signature: \"";
    }

    @Test
    void aScalarVerificationBecomesABlockMappingInItsPlace() throws Exception {
        String signed = sign("---\nid: x\nverification: legacy\ntype: t\n---\n## Intent\nx\n");
        assertTrue(signed.startsWith("---\nid: x\nverification:\n" + keys("\n")), signed);
        assertTrue(signed.contains("\"\ntype: t\n---\n"), signed);
        assertFalse(signed.contains("legacy"), signed);
    }

    @Test
    void anEmptyVerificationBecomesABlockMappingInItsPlace() throws Exception {
        String signed = sign("---\nid: x\nverification:\ntype: t\n---\n## Intent\nx\n");
        assertTrue(signed.startsWith("---\nid: x\nverification:\n" + keys("\n")), signed);
        assertTrue(signed.contains("\"\ntype: t\n---\n"), signed);
    }

    @Test
    void aCrlfDocumentGetsCrlfVerificationAndHistory() throws Exception {
        String signed = sign("---\r\nid: x\r\n---\r\n## Intent\r\nx\r\n");
        assertTrue(signed.startsWith("---\r\nid: x\r\nverification:\r\n" + keys("\r\n")), signed);
        assertTrue(signed.endsWith("\"\r\n---\r\n## Intent\r\nx\r\n\r\n## History\r\n- 1970-01-01T00:00:00Z: [SIGN] by "
                + KEY_ID + "\r\n"), signed);
    }

    @Test
    void anEmptyValueIsFilledInAfterOneSpace() throws Exception {
        String signed = sign("---\nverification:\n  method:\n  signature:\n---\n");
        assertTrue(signed.startsWith("---\nverification:\n  method: ml-dsa-44\n  signature: \""), signed);
        assertTrue(signed.contains("\"\n  key_id: \"" + KEY_ID + "\"\n  public_key: \"" + PUB
                + "\"\n  signed_at: 1970-01-01T00:00:00Z\n---\n"), signed);
    }

    @Test
    void missingKeysGoAfterTheLastEntryEvenWhenItSpansLines() throws Exception {
        String signed = sign("---\nverification:\n  method: ml-dsa-44\n  spec_files:\n    - a\n    - b\nid: x\n---\n");
        assertTrue(signed.startsWith("---\nverification:\n  method: ml-dsa-44\n  spec_files:\n    - a\n    - b\n  key_id: \""
                + KEY_ID + "\"\n"), signed);
        assertTrue(signed.contains("\n  signature: \""), signed);
        assertTrue(signed.contains("\"\nid: x\n---\n"), signed);
    }

    @Test
    void aLastEntryWithAQuotedValueSpanningLines() throws Exception {
        String signed = sign("---\nverification:\n  method: ml-dsa-44\n  note: \"one\n    two\"\n---\n");
        assertTrue(signed.startsWith("---\nverification:\n  method: ml-dsa-44\n  note: \"one\n    two\"\n  key_id: \""),
                signed);
    }

    private static String refusal(String text) {
        return assertThrows(SigningException.class, () -> DocumentSigner.sign(text, KEYS.getPrivate(), null, null,
                Instant.EPOCH, new SecureRandom())).getMessage();
    }

    @Test
    void anIndentedRootMappingGetsAnIndentedBlockWhoseSignatureLineIsNotCanonical() {
        // The block follows the root's indentation (so YAML reads it as a root key), which puts the
        // signature four spaces in: not the one canonical line, so signing stops with that reason.
        assertEquals("cannot sign: " + SignatureLine.form(SignatureLine.DOCUMENT_INDENT) + "; rewrite that line first",
                refusal("---\n  id: x\n---\n## Intent\nx\n"));
    }

    @Test
    void anEmptyFrontMatterGetsTheBlockAtTheStart() throws Exception {
        String signed = sign("---\n---\n## Intent\nx\n");
        assertTrue(signed.startsWith("---\nverification:\n" + keys("\n")), signed);
    }

    @Test
    void aSignatureValueOnTheNextLineCannotBeSigned() {
        assertEquals("verification.signature must be on a line of its own (\"signature: <base64>\")",
                refusal("---\nverification:\n  method: ml-dsa-44\n  signature:\n    abc\n---\n"));
    }

    @Test
    void explicitKeysInVerificationAreRefusedOnceTheyNoLongerRead() {
        // "? key" lines: the missing keys are added below at the keys' column, which YAML does not read
        // as part of that mapping; the edited front matter is refused instead of signed.
        assertEquals("cannot sign: the front matter no longer reads as a mapping once verification is added",
                refusal("---\nverification:\n  ? method\n  : ml-dsa-44\n---\n"));
    }

    @Test
    void anExplicitVerificationKeyIsIndentedBySpacesNotByItsQuestionMark() {
        // The block goes two columns right of the key's text, in spaces: "? " copied as the indent
        // would turn every added line into an explicit key of its own.
        assertEquals("cannot sign: " + SignatureLine.form(SignatureLine.DOCUMENT_INDENT) + "; rewrite that line first",
                refusal("---\n? verification\n: legacy\n---\n"));
    }
}
