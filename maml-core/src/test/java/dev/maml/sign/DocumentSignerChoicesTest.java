package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What DocumentSigner refuses to sign, and which public_key reference it writes. */
class DocumentSignerChoicesTest {

    private static final KeyPair KEYS = MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom());
    private static final KeyPair OTHER = MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom());
    private static final String DOC = "---\nid: x\n---\n## Intent\nx\n";

    private static String sign(String text, Path dir, String ref) throws SigningException {
        return DocumentSigner.sign(text, KEYS.getPrivate(), dir, ref, Instant.EPOCH, new SecureRandom());
    }

    @Test
    void aParserErrorStopsSigningWithItsLine() {
        SigningException e = assertThrows(SigningException.class,
                () -> sign("---\nid: x\nid: y\n---\n## Intent\nx\n", null, null));
        assertTrue(e.getMessage().startsWith("cannot sign: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(line 3)"), e.getMessage());
    }

    @Test
    void anUnclosedCodeFenceDoesNotStopSigning() throws Exception {
        String signed = sign(DOC + "```\ncode\n", null, null);
        assertEquals(Outcome.VALID_UNTRUSTED, DocumentVerifier.verify(signed, null, TrustStore.EMPTY).outcome());
    }

    @Test
    void aPublicKeyPathToTheSigningKeyIsKept(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("k.pub"), KeyFiles.encodePublic(KEYS.getPublic()));
        String doc = "---\nid: x\nverification:\n  public_key: \"k.pub\"\n---\n## Intent\nx\n";
        String signed = sign(doc, dir, null);
        assertTrue(signed.contains("  public_key: \"k.pub\"\n"), signed);
        assertEquals(Outcome.VALID_UNTRUSTED, DocumentVerifier.verify(signed, dir, TrustStore.EMPTY).outcome());
    }

    @Test
    void aPublicKeyOfAnotherKeyOrUnreadableIsReplaced(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("other.pub"), KeyFiles.encodePublic(OTHER.getPublic()));
        String base64 = "  public_key: \"" + PublicKeyRef.base64(KEYS.getPublic()) + "\"\n";
        for (String ref : new String[] {"other.pub", "missing.pub"}) {
            String signed = sign("---\nid: x\nverification:\n  public_key: \"" + ref + "\"\n---\n", dir, null);
            assertTrue(signed.contains(base64), signed);
        }
    }

    @Test
    void aGivenReferenceWinsOverTheCurrentOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("k.pub"), KeyFiles.encodePublic(KEYS.getPublic()));
        Files.writeString(dir.resolve("same.pub"), KeyFiles.encodePublic(KEYS.getPublic()));
        String doc = "---\nid: x\nverification:\n  public_key: \"k.pub\"\n---\n";
        String signed = sign(doc, dir, "same.pub");
        assertTrue(signed.contains("  public_key: \"same.pub\"\n"), signed);
        assertFalse(signed.contains("k.pub"), signed);
    }

    @Test
    void signingAFileWritesItAndReturnsTheKeyId(@TempDir Path dir) throws Exception {
        Path[] files = KeyFiles.write(KEYS, Files.createDirectories(dir.resolve("outside")).resolve("alice").toString());
        Path docDir = Files.createDirectories(dir.resolve("docs"));
        Path doc = docDir.resolve("d.maml.md");
        Files.writeString(doc, DOC);
        assertEquals(KeyId.of(KEYS.getPublic()), SignFiles.sign(doc, files[1], null, Instant.EPOCH));
        String signed = Files.readString(doc);
        assertTrue(signed.contains("public_key: \"base64:"), "a .pub outside the tree is embedded: " + signed);
        assertEquals(Outcome.VALID_UNTRUSTED, DocumentVerifier.verify(signed, docDir, TrustStore.EMPTY).outcome());
    }

    @Test
    void signingAFileRefusesBytesThatAreNotUtf8(@TempDir Path dir) throws Exception {
        Path[] files = KeyFiles.write(KEYS, dir.resolve("alice").toString());
        Path doc = dir.resolve("d.maml.md");
        byte[] bytes = (DOC + "\u00e9").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        bytes[bytes.length - 1] = (byte) 0xFF;
        Files.write(doc, bytes);
        SigningException e = assertThrows(SigningException.class,
                () -> SignFiles.sign(doc, files[1], null, Instant.EPOCH));
        assertEquals(doc + ": not valid UTF-8; the signature would not cover the file's bytes", e.getMessage());
        assertEquals(java.util.Arrays.toString(bytes), java.util.Arrays.toString(Files.readAllBytes(doc)), "untouched");
    }

    @Test
    void anExplicitPublicKeyFileMustHoldTheSigningKey(@TempDir Path dir) throws Exception {
        Path[] files = KeyFiles.write(KEYS, dir.resolve("alice").toString());
        Path other = dir.resolve("other.pub");
        Files.writeString(other, KeyFiles.encodePublic(OTHER.getPublic()));
        SigningException e = assertThrows(SigningException.class,
                () -> DocumentSigner.publicKeyRef(files[1], KEYS.getPublic(), other, dir));
        assertEquals(other + " is not the public key of " + files[1], e.getMessage());
        assertEquals("alice.pub", DocumentSigner.publicKeyRef(files[1], KEYS.getPublic(), files[0], dir));
        assertEquals("alice.pub", DocumentSigner.publicKeyRef(files[1], KEYS.getPublic(), null, dir), "the sibling");
    }
}
