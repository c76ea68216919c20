package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.parse.DocumentParser;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * Where DocumentVerifier draws the line between unsigned and malformed: a document that cannot be
 * read as signed must never pass for merely unsigned when it has front matter, and one without any
 * must never be called malformed.
 */
class DocumentVerifierOutcomeTest {

    private static Verification verifyBytes(String text) {
        return DocumentVerifier.verify(DocumentParser.parse(text.getBytes(StandardCharsets.UTF_8)), null,
                TrustStore.EMPTY);
    }

    private static Verification verifyFile(String text) {
        return DocumentVerifier.verify(text.getBytes(StandardCharsets.UTF_8), null, TrustStore.EMPTY);
    }

    @Test
    void noFrontMatterIsUnsigned() {
        assertEquals(Outcome.UNSIGNED, verifyFile("## Intent\nx\n").outcome());
    }

    @Test
    void noFrontMatterButAnEncodingErrorIsStillUnsigned() {
        Verification v = verifyBytes("## Intent\nx\u0000y\n");
        assertEquals(Outcome.UNSIGNED, v.outcome(), v.reason());
    }

    @Test
    void frontMatterWithoutVerificationIsUnsigned() {
        assertEquals(Outcome.UNSIGNED, verifyFile("---\nid: x\n---\n## Intent\nx\n").outcome());
    }

    @Test
    void anEmptySignatureIsUnsigned() {
        assertEquals(Outcome.UNSIGNED,
                verifyFile("---\nverification:\n  method: ml-dsa-44\n  signature: \"\"\n---\n").outcome());
    }

    @Test
    void unreadableFrontMatterIsMalformedEvenWithoutASignature() {
        Verification syntax = verifyFile("---\nkey: [unclosed\n---\n## Intent\nx\n");
        assertEquals(Outcome.MALFORMED, syntax.outcome(), syntax.reason());
        assertTrue(syntax.reason().startsWith("the front matter cannot be read"), syntax.reason());
        assertEquals(Outcome.MALFORMED, verifyFile("---\nid: x\n## Intent\nx\n").outcome(), "unclosed");
    }

    @Test
    void aVerificationThatIsNotAMappingIsMalformed() {
        Verification v = verifyFile("---\nverification: 5\n---\n");
        assertEquals(Outcome.MALFORMED, v.outcome());
        assertEquals("verification is not a mapping", v.reason());
    }

    @Test
    void aSignedDocumentWithAnUnreadableFrontMatterIsMalformed() throws Exception {
        String signed = DocumentSigner.sign("---\nid: x\nverification:\n  method: ml-dsa-44\n---\n## Intent\nx\n",
                MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom()).getPrivate(), null, null,
                java.time.Instant.EPOCH, new SecureRandom());
        Verification v = verifyFile(signed.replace("id: x\n", "id: x\nid: y\n"));
        assertEquals(Outcome.MALFORMED, v.outcome(), v.reason());
        assertTrue(v.reason().startsWith("the front matter cannot be read"), v.reason());
    }

    @Test
    void aSignedDocumentWithANulByteIsNotCleanUtf8() throws Exception {
        String signed = DocumentSigner.sign("---\nid: x\n---\n## Intent\nx\u0000y\n",
                MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom()).getPrivate(), null, null,
                java.time.Instant.EPOCH, new SecureRandom());
        assertEquals(Outcome.VALID_UNTRUSTED, DocumentVerifier.verify(signed, null, TrustStore.EMPTY).outcome(),
                "the text itself verifies: only a parse of the bytes reports the NUL");
        int nul = signed.indexOf('\u0000');
        Verification v = verifyBytes(signed);
        assertEquals(Outcome.MALFORMED, v.outcome(), v.reason());
        assertEquals("the file is not clean UTF-8: NUL byte at byte " + nul + " (line "
                + (signed.substring(0, nul).split("\n", -1).length) + ")", v.reason().substring(0, v.reason().indexOf(')') + 1));
    }

    @Test
    void aByteOrderMarkWarningDoesNotMakeASignedDocumentUnreadable() throws Exception {
        String signed = DocumentSigner.sign("\uFEFF---\nid: x\n---\n## Intent\nx\n",
                MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom()).getPrivate(), null, null,
                java.time.Instant.EPOCH, new SecureRandom());
        Verification v = verifyBytes(signed);
        assertEquals(Outcome.VALID_UNTRUSTED, v.outcome(), v.reason());
    }
}
