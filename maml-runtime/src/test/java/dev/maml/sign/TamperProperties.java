package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.maml.parse.DocumentParser;
import dev.maml.receipt.ReceiptVerifier;
import dev.maml.receipt.ReceiptWriter;
import dev.maml.receipt.Receipt;
import dev.maml.model.Range;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Tamper evidence, as properties: sign-then-verify is valid for random documents; any single
 * changed byte of a signed document (outside its signature line), of its signature, or of a
 * signed receipt makes verification fail. One key pair for all tries keeps them fast.
 */
class TamperProperties {

    private static final KeyPair KEYS = MlDsa.generate(Algorithm.ML_DSA_65, new SecureRandom());
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    @Property(tries = 1000)
    void signThenVerifyIsValid(@ForAll("documents") String doc) throws Exception {
        String signed = sign(doc);
        assertEquals(Outcome.VALID_UNTRUSTED, verify(signed.getBytes(StandardCharsets.UTF_8)).outcome());
    }

    @Property(tries = 200)
    void anyChangedByteOutsideTheSignatureLineInvalidates(@ForAll("documents") String doc,
                                                          @ForAll @IntRange(min = 0, max = 1_000_000) int where,
                                                          @ForAll @IntRange(min = 1, max = 255) int delta) throws Exception {
        String signed = sign(doc);
        Range line = VerificationBlock.of(DocumentParser.parse(signed)).orElseThrow().signatureLine();
        byte[] bytes = signed.getBytes(StandardCharsets.UTF_8);
        int lineStart = signed.substring(0, line.start()).getBytes(StandardCharsets.UTF_8).length;
        int lineEnd = signed.substring(0, line.end()).getBytes(StandardCharsets.UTF_8).length;
        int outside = bytes.length - (lineEnd - lineStart);
        int i = where % outside;
        int at = i < lineStart ? i : i + (lineEnd - lineStart);
        bytes[at] = (byte) (bytes[at] + delta);
        assertFalse(verify(bytes).outcome().signatureValid(), "byte " + at + " changed");
    }

    @Property(tries = 200)
    void anyChangedSignatureCharacterInvalidates(@ForAll @IntRange(min = 0, max = 1_000_000) int where,
                                                 @ForAll @IntRange(min = 1, max = 63) int shift) throws Exception {
        String signed = sign("---\nid: x\n---\n## Intent\nfixed\n");
        VerificationBlock block = VerificationBlock.of(DocumentParser.parse(signed)).orElseThrow();
        int start = block.signature().range().start() + 1;
        int at = start + where % block.signature().value().length();
        char replacement = BASE64.charAt((BASE64.indexOf(signed.charAt(at)) + shift) % 64);
        String changed = signed.substring(0, at) + replacement + signed.substring(at + 1);
        assertFalse(verify(changed.getBytes(StandardCharsets.UTF_8)).outcome().signatureValid());
    }

    @Property(tries = 200)
    void anyChangedByteOfASignedReceiptIsDetected(@ForAll("documents") String source,
                                                  @ForAll @IntRange(min = 0, max = 1_000_000) int where,
                                                  @ForAll @IntRange(min = 1, max = 255) int delta) throws Exception {
        Receipt header = new Receipt("doc.maml.md", null,
                Digests.sha3_256Hex(source.getBytes(StandardCharsets.UTF_8)), NOW, null, null);
        String receipt = ReceiptWriter.write(header, source, KEYS.getPrivate(), PublicKeyRef.base64(KEYS.getPublic()),
                new SecureRandom());
        byte[] bytes = receipt.getBytes(StandardCharsets.UTF_8);
        assertEquals(true, ReceiptVerifier.verify(DocumentParser.parse(bytes), null, null, TrustStore.EMPTY).valid());
        int at = where % bytes.length;
        bytes[at] = (byte) (bytes[at] + delta);
        assertFalse(ReceiptVerifier.verify(DocumentParser.parse(bytes), null, null, TrustStore.EMPTY).valid(),
                "byte " + at + " changed");
    }

    private static String sign(String doc) throws SigningException {
        return DocumentSigner.sign(doc, KEYS.getPrivate(), null, null, NOW, new SecureRandom());
    }

    /** Verifies through both entry points (full parse, and front-matter-only from bytes); they must agree. */
    private static Verification verify(byte[] bytes) {
        Verification full = DocumentVerifier.verify(DocumentParser.parse(bytes), null, TrustStore.EMPTY);
        Verification prefix = DocumentVerifier.verify(bytes, null, TrustStore.EMPTY);
        assertEquals(full.outcome().signatureValid(), prefix.outcome().signatureValid(), full.reason() + " / " + prefix.reason());
        return prefix;
    }

    /** Front matter with a few keys, then sections of arbitrary text (line breaks, emoji, CRs included). */
    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> prose = Arbitraries.strings()
                .withChars(" \n\t#-*`:é\u0301\uD83D\uDE80\r".toCharArray()).withCharRange('a', 'z')
                .ofMaxLength(300).map(TamperProperties::wellFormed);
        Arbitrary<String> frontMatter = word.list().ofMaxSize(4).uniqueElements()
                .map(keys -> {
                    StringBuilder b = new StringBuilder("---\nmaml_version: \"2.0.0\"\n");
                    keys.forEach(k -> b.append("k_").append(k).append(": ").append(k).append('\n'));
                    return b.append("---\n").toString();
                });
        return Combinators.combine(frontMatter, prose, prose, Arbitraries.of("\n", "\r\n"))
                .as((fm, intent, rest, eol) -> (fm + "## Intent\n" + intent + "\n## Context\n" + rest).replace("\n", eol));
    }

    /** Drops surrogates that did not come out paired, so the text is what UTF-8 can hold. */
    private static String wellFormed(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).replace("\uFFFD", "?");
    }
}
