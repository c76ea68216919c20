package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentSignerTest {

    static final KeyPair KEYS = MlDsa.generate(Algorithm.ML_DSA_65, new SecureRandom());
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    static final String DOC = """
            ---
            maml_version: "2.0.0"   # kept
            id: "urn:uuid:5c4d3e2f-1a0b-4c8d-9e6f-5a4b3c2d1e0f"
            type: security_workflow
            verification:
              method: "crystals-dilithium"
              public_key: "dilithium_public_key.hex"
              spec_files: [a.mli]
            created_at: 2025-10-24T12:40:00Z
            ---
            ## Intent
            Sign me.

            ## History
            - 2025-10-24T12:40:00Z: [CREATE] by hand

            ## Notes
            tail
            """;

    static String sign(String text) throws SigningException {
        return DocumentSigner.sign(text, KEYS.getPrivate(), null, null, NOW, new SecureRandom());
    }

    static Verification verify(String text, TrustStore trust) {
        return DocumentVerifier.verify(DocumentParser.parse(text), null, trust);
    }

    @Test
    void signedDocumentVerifiesAndOnlyVerificationAndHistoryChange() throws Exception {
        String signed = sign(DOC);
        assertEquals(Outcome.VALID_UNTRUSTED, verify(signed, TrustStore.EMPTY).outcome());
        String keyId = KeyId.of(KEYS.getPublic());
        String expectedPrefix = """
                ---
                maml_version: "2.0.0"   # kept
                id: "urn:uuid:5c4d3e2f-1a0b-4c8d-9e6f-5a4b3c2d1e0f"
                type: security_workflow
                verification:
                  method: ml-dsa-65
                  public_key: "base64:""";
        assertTrue(signed.startsWith(expectedPrefix), signed);
        String tail = signed.substring(signed.indexOf("\n", expectedPrefix.length()) + 1);
        assertTrue(tail.startsWith("  spec_files: [a.mli]\n  key_id: \"" + keyId + "\"\n  signed_at: 2026-11-25T12:00:00Z\n  signature: \""), tail);
        assertTrue(signed.endsWith("""
                created_at: 2025-10-24T12:40:00Z
                ---
                ## Intent
                Sign me.

                ## History
                - 2025-10-24T12:40:00Z: [CREATE] by hand
                - 2026-11-25T12:00:00Z: [SIGN] by %s

                ## Notes
                tail
                """.formatted(keyId)), signed);
    }

    @Test
    void trustedKeyGivesValid(@TempDir Path dir) throws Exception {
        Path pub = dir.resolve("k.pub");
        Files.writeString(pub, KeyFiles.encodePublic(KEYS.getPublic()));
        Verification v = verify(sign(DOC), TrustStore.of(List.of(), List.of(pub)));
        assertEquals(Outcome.VALID, v.outcome());
        assertEquals(KeyId.of(KEYS.getPublic()), v.keyId());
        assertEquals(Algorithm.ML_DSA_65, v.algorithm());
        Path store = dir.resolve("store");
        Files.createDirectories(store);
        Files.copy(pub, store.resolve("alice.pub"));
        Files.writeString(store.resolve("broken.pub"), "not a key");
        TrustStore fromDir = TrustStore.of(List.of(store), List.of());
        assertEquals(1, fromDir.warnings().size());
        assertEquals(Outcome.VALID, verify(sign(DOC), fromDir).outcome());
    }

    @Test
    void anyEditInvalidates() throws Exception {
        String signed = sign(DOC);
        assertEquals(Outcome.INVALID, verify(signed.replace("Sign me.", "Sign me!"), TrustStore.EMPTY).outcome());
        assertEquals(Outcome.INVALID, verify(signed.replace("tail\n", "tail \n"), TrustStore.EMPTY).outcome());
        assertEquals(Outcome.INVALID, verify(signed.replace("# kept", "# kepT"), TrustStore.EMPTY).outcome());
    }

    @Test
    void crlfDocumentKeepsItsLineBreaksAndVerifiesAfterConversionToLf() throws Exception {
        String crlf = DOC.replace("\n", "\r\n");
        String signed = sign(crlf);
        assertFalse(signed.replace("\r\n", "").contains("\n"), "every line break stays CRLF");
        assertEquals(Outcome.VALID_UNTRUSTED, verify(signed, TrustStore.EMPTY).outcome());
        // Signed bytes are LF-normalised: the same document with LF line breaks verifies too.
        assertEquals(Outcome.VALID_UNTRUSTED, verify(signed.replace("\r\n", "\n"), TrustStore.EMPTY).outcome());
    }

    @Test
    void documentWithoutVerificationOrHistoryGetsBoth() throws Exception {
        String plain = "---\nid: x\n---\n## Intent\nhi";
        String signed = sign(plain);
        String keyId = KeyId.of(KEYS.getPublic());
        assertTrue(signed.startsWith("---\nid: x\nverification:\n  method: ml-dsa-65\n  key_id: \"" + keyId + "\"\n"), signed);
        assertTrue(signed.endsWith("## Intent\nhi\n\n## History\n- 2026-11-25T12:00:00Z: [SIGN] by " + keyId + "\n"), signed);
        assertEquals(Outcome.VALID_UNTRUSTED, verify(signed, TrustStore.EMPTY).outcome());
    }

    @Test
    void byteOrderMarkDelimiterSpacesAndMissingFinalBreakAreKept() throws Exception {
        String text = "\uFEFF---  \nid: x\n---\t\n## Intent\nno final break";
        String signed = sign(text);
        assertTrue(signed.startsWith("\uFEFF---  \nid: x\nverification:\n"), signed);
        assertTrue(signed.contains("\n---\t\n## Intent\nno final break\n\n## History\n- 2026-11-25T12:00:00Z: [SIGN] by "), signed);
        assertEquals(Outcome.VALID_UNTRUSTED, verify(signed, TrustStore.EMPTY).outcome());
        assertEquals(Outcome.VALID_UNTRUSTED, DocumentVerifier.verify(signed, null, TrustStore.EMPTY).outcome());
        assertEquals(Outcome.VALID_UNTRUSTED, verify(sign("---\nid: x\n---"), TrustStore.EMPTY).outcome());
    }

    @Test
    void resigningReplacesTheSignature() throws Exception {
        String once = sign(DOC);
        String twice = sign(once);
        assertEquals(1, twice.split("signature:", -1).length - 1);
        assertEquals(2, twice.split("\\[SIGN]", -1).length - 1);
        assertEquals(Outcome.VALID_UNTRUSTED, verify(twice, TrustStore.EMPTY).outcome());
    }

    @Test
    void unsignedAndMalformed() throws Exception {
        assertEquals(Outcome.UNSIGNED, verify(DOC, TrustStore.EMPTY).outcome());
        assertEquals(Outcome.UNSIGNED, verify("# no front matter\n", TrustStore.EMPTY).outcome());
        String signed = sign(DOC);
        Verification badBase64 = verify(signed.replaceFirst("signature: \"", "signature: \"%%"), TrustStore.EMPTY);
        assertEquals(Outcome.MALFORMED, badBase64.outcome());
        assertEquals("verification.signature is not valid base64", badBase64.reason());
        Verification method = verify(signed.replace("method: ml-dsa-65", "method: rsa"), TrustStore.EMPTY);
        assertEquals(Outcome.MALFORMED, method.outcome());
        Verification wrongSet = verify(signed.replace("method: ml-dsa-65", "method: ml-dsa-44"), TrustStore.EMPTY);
        assertEquals("verification.method says ML-DSA-44 but the public key is ML-DSA-65", wrongSet.reason());
        String keyId = KeyId.of(KEYS.getPublic());
        Verification id = verify(signed.replace("key_id: \"" + keyId, "key_id: \"0000000000000000"), TrustStore.EMPTY);
        assertEquals(Outcome.MALFORMED, id.outcome());
        assertTrue(id.reason().contains("does not match the public key"), id.reason());
        Verification missingKey = verify(signed.replaceFirst("public_key: \"base64:[^\"]*\"", "public_key: keys/none.pub"),
                TrustStore.EMPTY);
        assertEquals(Outcome.MALFORMED, missingKey.outcome());
        assertTrue(missingKey.reason().contains("relative path"), missingKey.reason());
    }

    @Test
    void signingIsHedgedUnlessAskedToBeDeterministic() throws Exception {
        byte[] message = "same bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] a = MlDsa.DOCUMENT.sign(KEYS.getPrivate(), message, new SecureRandom());
        byte[] b = MlDsa.DOCUMENT.sign(KEYS.getPrivate(), message, new SecureRandom());
        assertFalse(java.util.Arrays.equals(a, b), "hedged signatures differ");
        assertTrue(java.util.Arrays.equals(MlDsa.DOCUMENT.signDeterministic(KEYS.getPrivate(), message),
                MlDsa.DOCUMENT.signDeterministic(KEYS.getPrivate(), message)), "deterministic signatures repeat");
        assertTrue(MlDsa.DOCUMENT.verify(KEYS.getPublic(), message, a));
        assertFalse(MlDsa.RECEIPT.verify(KEYS.getPublic(), message, a), "the context string separates uses");
    }

    @Test
    void bytesThatAreNotUtf8AreMalformed() throws Exception {
        byte[] bytes = sign(DOC).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(Outcome.VALID_UNTRUSTED, DocumentVerifier.verify(bytes, null, TrustStore.EMPTY).outcome());
        bytes[bytes.length - 3] = (byte) 0xC3;
        Verification v = DocumentVerifier.verify(bytes, null, TrustStore.EMPTY);
        assertEquals(Outcome.MALFORMED, v.outcome());
        assertTrue(v.reason().contains("UTF-8"), v.reason());
    }

    @Test
    void publicKeyPathsThatAreNotKeyFilesAreMalformed(@TempDir Path dir) throws Exception {
        String signed = sign(DOC);
        Files.write(dir.resolve("big.pub"), new byte[100_000]);
        for (String ref : new String[] {"/dev/zero", "big.pub", "."}) {
            String doc = signed.replaceFirst("public_key: \"base64:[^\"]*\"", "public_key: \"" + ref + "\"");
            Verification v = DocumentVerifier.verify(doc, dir, TrustStore.EMPTY);
            assertEquals(Outcome.MALFORMED, v.outcome(), ref);
        }
    }

    @Test
    void legacyAliasesResolveAndNamesAreNotPassedToBouncyCastle() {
        assertEquals(Algorithm.ML_DSA_44, Algorithm.resolve("Dilithium2").orElseThrow());
        assertEquals(Algorithm.ML_DSA_65, Algorithm.resolve("dilithium3").orElseThrow());
        assertEquals(Algorithm.ML_DSA_87, Algorithm.resolve("DILITHIUM5").orElseThrow());
        assertEquals(Algorithm.ML_DSA_65, Algorithm.resolve("crystals-dilithium").orElseThrow());
        assertEquals(Algorithm.ML_DSA_87, Algorithm.resolve("ML-DSA-87").orElseThrow());
        assertTrue(Algorithm.isLegacyName("CRYSTALS-Dilithium"));
        assertFalse(Algorithm.isLegacyName("ml-dsa-65"));
        assertTrue(Algorithm.resolve("dilithium4").isEmpty());
    }

    @Test
    void flowMappingIsRefusedWithAReason() {
        String flow = "---\nid: x\nverification: {method: ml-dsa-65}\n---\n## Intent\nhi\n";
        SigningException e = assertThrows(SigningException.class, () -> sign(flow));
        assertTrue(e.getMessage().contains("block mapping"), e.getMessage());
        assertThrows(SigningException.class, () -> sign("no front matter\n"));
    }

    @Test
    void emptyVerificationKeyIsFilledIn() throws Exception {
        String signed = sign("---\nid: x\nverification:\ntype: workflow\n---\n## Intent\nhi\n");
        assertTrue(signed.startsWith("---\nid: x\nverification:\n  method: ml-dsa-65\n"), signed);
        assertTrue(signed.contains("\"\ntype: workflow\n---\n"), signed);
        assertEquals(Outcome.VALID_UNTRUSTED, verify(signed, TrustStore.EMPTY).outcome());
    }

    @Test
    void exampleDocumentSignsInPlace(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("drone.maml.md");
        Files.copy(TestData.example(), doc);
        Path[] files = KeyFiles.write(KEYS, dir.resolve("keys").toString());
        SignFiles.sign(doc, files[1], null, NOW);
        MamlDocument signed = DocumentParser.read(doc);
        assertTrue(signed.text().contains("public_key: \"keys.pub\""), "sibling .pub inside the document's directory");
        Verification v = DocumentVerifier.verify(signed, dir, TrustStore.of(List.of(), List.of(files[0])));
        assertEquals(Outcome.VALID, v.outcome(), v.reason());
    }
}
