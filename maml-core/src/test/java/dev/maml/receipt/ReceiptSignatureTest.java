package dev.maml.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.parse.DocumentParser;
import dev.maml.receipt.ReceiptFinding.Kind;
import dev.maml.sign.Algorithm;
import dev.maml.sign.Base64Siblings;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.KeyId;
import dev.maml.sign.MlDsa;
import dev.maml.sign.TrustStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The signer block and the signature of a receipt, attacked one piece at a time: stripped signature,
 * stripped signer, wrong method or key id, a signature whose base64 text is not canonical, a key
 * nobody trusts. Each must fail (or, for trust, be reported) without a valid receipt in between.
 */
class ReceiptSignatureTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Pattern SIGNATURE = Pattern.compile("(?m)^signature: \"([A-Za-z0-9+/=]+)\"$");

    @TempDir
    Path dir;

    private String signedReceipt(Algorithm algorithm) throws Exception {
        KeyPair keys = MlDsa.generate(algorithm, new SecureRandom());
        Files.createDirectories(dir.resolve("keys"));
        Path key = KeyFiles.write(keys, dir.resolve("keys/signer").toString())[1];
        Path source = dir.resolve("doc.maml.md");
        Files.writeString(source, "---\nid: \"urn:uuid:0b7e4a52-7c1e-4d2a-9a55-3f1e2d4c5b6a\"\n---\n## Intent\nSign me.\n");
        return Files.readString(Receipts.of(source).out(dir.resolve("doc.mu")).key(key).at(NOW).create());
    }

    private ReceiptVerification verify(String text, TrustStore trust) {
        return ReceiptVerifier.verify(DocumentParser.parse(text), dir, null, trust);
    }

    private void assertSignatureFails(String text) {
        ReceiptVerification v = verify(text, TrustStore.EMPTY);
        assertFalse(v.valid(), text);
        assertFalse(v.signed());
        assertTrue(v.findings().stream().anyMatch(f -> f.kind() == Kind.SIGNATURE), v.findings().toString());
    }

    private static String signatureOf(String receipt) {
        Matcher m = SIGNATURE.matcher(receipt);
        assertTrue(m.find(), receipt);
        return m.group(1);
    }

    @Test
    void signerPresentSignatureStrippedIsNotAnUnsignedReceipt() throws Exception {
        String receipt = signedReceipt(Algorithm.ML_DSA_44);
        String line = "signature: \"" + signatureOf(receipt) + "\"\n";
        assertSignatureFails(receipt.replace(line, ""));
        for (String blank : new String[] {"signature: \"\"\n", "signature: \" \"\n"}) {
            assertSignatureFails(receipt.replace(line, blank));
            assertEquals("signer is present but the signature is missing",
                    verify(receipt.replace(line, blank), TrustStore.EMPTY).firstProblem());
        }
        ReceiptVerification stripped = verify(receipt.replace(line, ""), TrustStore.EMPTY);
        assertTrue(stripped.findings().stream().noneMatch(f -> f.kind() == Kind.UNSIGNED), stripped.findings().toString());
        assertTrue(stripped.firstProblem().contains("signature"), stripped.firstProblem());
    }

    @Test
    void signatureWithoutItsSignerFails() throws Exception {
        String receipt = signedReceipt(Algorithm.ML_DSA_44);
        assertSignatureFails(receipt.replaceFirst("(?m)^signer: .*\n", ""));
        assertSignatureFails(receipt.replaceFirst("(?m)^signer: .*\n", "signer: ml-dsa-44\n"));
    }

    @Test
    void signerFieldsMustMatchTheKey() throws Exception {
        String receipt = signedReceipt(Algorithm.ML_DSA_44);
        assertSignatureFails(receipt.replace("method: ml-dsa-44", "method: ml-dsa-65"));
        assertSignatureFails(receipt.replace("method: ml-dsa-44", "method: rsa"));
        assertSignatureFails(receipt.replace("method: ml-dsa-44, ", ""));
        assertSignatureFails(receipt.replaceFirst("key_id: \"[0-9a-f]+\"", "key_id: \"0000000000000000\""));
        assertSignatureFails(receipt.replace("keys/signer.pub", "keys/missing.pub"));
        assertSignatureFails(receipt.replace("keys/signer.pub", "keys"));
    }

    /**
     * ML-DSA-44 (2,420 bytes) and -87 (4,627 bytes) signatures do not divide by 3, so the last base64
     * character before the padding has unused low bits: a lenient decoder maps several texts to one
     * signature. Every such sibling text must be refused (ML-DSA-65, 3,309 bytes, has none).
     */
    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"ML_DSA_44", "ML_DSA_87"})
    void siblingTextsOfTheLastBase64CharacterAreRefused(Algorithm algorithm) throws Exception {
        String receipt = signedReceipt(algorithm);
        assertTrue(verify(receipt, TrustStore.EMPTY).valid());
        String sig = signatureOf(receipt);
        List<String> siblings = Base64Siblings.of(sig);
        assertFalse(siblings.isEmpty(), "the " + algorithm + " signature has unused bits");
        for (String sibling : siblings) {
            assertTrue(Arrays.equals(Base64.getDecoder().decode(sig), Base64.getDecoder().decode(sibling)),
                    "a lenient decoder reads the same signature from " + sibling.substring(sibling.length() - 4));
            assertSignatureFails(receipt.replace(sig, sibling));
        }
        // And the padding itself: dropped or doubled.
        assertSignatureFails(receipt.replace(sig, sig.replaceAll("=+$", "")));
        assertSignatureFails(receipt.replace(sig, sig + "="));
    }

    @Test
    void untrustedKeyIsValidButNotTrustedAndATrustedKeyIsBoth() throws Exception {
        String receipt = signedReceipt(Algorithm.ML_DSA_44);
        ReceiptVerification untrusted = verify(receipt, TrustStore.EMPTY);
        assertTrue(untrusted.valid());
        assertTrue(untrusted.signed());
        assertFalse(untrusted.trusted());
        assertNull(untrusted.firstProblem());

        Path pub = dir.resolve("keys/signer.pub");
        ReceiptVerification trusted = verify(receipt, TrustStore.of(List.of(), List.of(pub)));
        assertTrue(trusted.trusted());
        assertEquals(KeyId.of(KeyFiles.readPublic(pub)), trusted.keyId());

        Path other = dir.resolve("other");
        Files.createDirectories(other);
        KeyFiles.write(MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom()), other.resolve("stranger").toString());
        ReceiptVerification otherKey = verify(receipt, TrustStore.of(List.of(other), List.of(other.resolve("stranger.pub"))));
        assertTrue(otherKey.valid());
        assertFalse(otherKey.trusted(), "a store holding a different key does not vouch for this one");
        assertNotNull(otherKey.keyId());
    }

    @Test
    void aSignatureThatIsNotOneLineFails() throws Exception {
        String receipt = signedReceipt(Algorithm.ML_DSA_44);
        String sig = signatureOf(receipt);
        int half = sig.length() / 2;
        assertSignatureFails(receipt.replace("signature: \"" + sig + "\"",
                "signature: >-\n  " + sig.substring(0, half) + "\n  " + sig.substring(half)));
    }
}
