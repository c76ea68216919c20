package dev.maml.security;

import dev.maml.parse.DocumentParser;
import dev.maml.receipt.Receipt;
import dev.maml.receipt.ReceiptVerification;
import dev.maml.receipt.ReceiptVerifier;
import dev.maml.receipt.ReceiptWriter;
import dev.maml.sign.Algorithm;
import dev.maml.sign.Digests;
import dev.maml.sign.DocumentSigner;
import dev.maml.sign.DocumentVerifier;
import dev.maml.sign.MlDsa;
import dev.maml.sign.PublicKeyRef;
import dev.maml.sign.SigningException;
import dev.maml.sign.TrustStore;
import dev.maml.sign.Verification;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Signed documents and receipts for the attack tests: one key pair per ML-DSA parameter set (made
 * once, key generation is the slow part), public keys embedded as base64 so no file is needed.
 */
final class SignedSamples {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Map<Algorithm, KeyPair> KEYS = new EnumMap<>(Algorithm.class);

    static final String DOCUMENT = """
            ---
            maml_version: "2.0.0"
            id: "urn:uuid:5c4d3e2f-1a0b-4c8d-9e6f-5a4b3c2d1e0f"
            type: security_workflow
            verification:
              method: ml-dsa-44
            created_at: 2025-10-24T12:40:00Z
            ---
            ## Intent
            Seal the telemetry.

            ## History
            - 2025-10-24T12:40:00Z: [CREATE] by hand
            """;

    private SignedSamples() {
    }

    static synchronized KeyPair keys(Algorithm algorithm) {
        return KEYS.computeIfAbsent(algorithm, a -> MlDsa.generate(a, new SecureRandom()));
    }

    static String sign(String text, Algorithm algorithm) {
        try {
            return DocumentSigner.sign(text, keys(algorithm).getPrivate(), null, null, NOW, new SecureRandom());
        } catch (SigningException e) {
            throw new AssertionError(e);
        }
    }

    /** A signed receipt of {@code source}, with {@code prev} as its chain link (null: first). */
    static String receipt(String source, Algorithm algorithm, String prev) {
        Receipt header = new Receipt("doc.maml.md", "urn:uuid:5c4d3e2f-1a0b-4c8d-9e6f-5a4b3c2d1e0f",
                Digests.sha3_256Hex(source.getBytes(StandardCharsets.UTF_8)), NOW, null, prev);
        KeyPair k = keys(algorithm);
        try {
            return ReceiptWriter.write(header, source, k.getPrivate(), PublicKeyRef.base64(k.getPublic()),
                    new SecureRandom());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static Verification verify(String text) {
        return verify(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The file entry point (front matter only); the full-parse entry point must agree with it. */
    static Verification verify(byte[] bytes) {
        return DocumentVerifier.verify(bytes, null, TrustStore.EMPTY);
    }

    static ReceiptVerification verifyReceipt(String text) {
        return verifyReceipt(text.getBytes(StandardCharsets.UTF_8));
    }

    static ReceiptVerification verifyReceipt(byte[] bytes) {
        return ReceiptVerifier.verify(DocumentParser.parse(bytes), null, null, TrustStore.EMPTY);
    }

    /** {@code text} with {@code insert} placed right after the first occurrence of {@code after}. */
    static String insertAfter(String text, String after, String insert) {
        int at = text.indexOf(after);
        if (at < 0) {
            throw new AssertionError("no '" + after + "' in " + text);
        }
        return text.substring(0, at + after.length()) + insert + text.substring(at + after.length());
    }

    /** The line of {@code text} that starts with {@code key}, without its line break. */
    static String signatureLineOf(String text, String key) {
        int start = text.indexOf(key);
        return text.substring(start, text.indexOf('\n', start));
    }
}
