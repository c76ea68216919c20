package dev.maml.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.parse.DocumentParser;
import dev.maml.receipt.Receipt;
import dev.maml.receipt.ReceiptVerifier;
import dev.maml.receipt.ReceiptWriter;
import dev.maml.sign.Algorithm;
import dev.maml.sign.Digests;
import dev.maml.sign.DocumentSigner;
import dev.maml.sign.DocumentVerifier;
import dev.maml.sign.Outcome;
import dev.maml.sign.PublicKeyRef;
import dev.maml.sign.TrustStore;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Spec 8's "one reading of the bytes" as properties over random signed documents and signed,
 * chained receipts (ML-DSA-44/65/87, small and large, LF and CRLF): signing then verifying is valid,
 * and one edit of {@link ByteEdits} (insert, delete, replace; line breaks of every reader, BOM,
 * zero-width and multi-byte characters) at any byte position, the signature's base64 included,
 * never leaves them valid. {@link EveryPositionEditTest} covers every position of one of each.
 */
class OneReadingProperties {

    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    @Property(tries = 100)
    void signThenVerifyIsValid(@ForAll("documents") String doc, @ForAll Algorithm algorithm) {
        assertEquals(Outcome.VALID_UNTRUSTED, SignedSamples.verify(SignedSamples.sign(doc, algorithm)).outcome());
    }

    @Property(tries = 300)
    void noSingleEditOfASignedDocumentVerifies(@ForAll("documents") String doc, @ForAll Algorithm algorithm,
                                               @ForAll @IntRange(min = 0, max = 1_000_000) int where,
                                               @ForAll @IntRange(min = 0, max = 1_000) int which) {
        byte[] bytes = SignedSamples.sign(doc, algorithm).getBytes(StandardCharsets.UTF_8);
        byte[] edited = edit(bytes, where % (bytes.length + 1), which);
        assertFalse(DocumentVerifier.verify(edited, null, TrustStore.EMPTY).outcome().signatureValid());
        assertFalse(DocumentVerifier.verify(DocumentParser.parse(edited), null, TrustStore.EMPTY).outcome()
                .signatureValid());
    }

    @Property(tries = 200)
    void noSingleEditOfASignedChainedReceiptVerifies(@ForAll("documents") String source, @ForAll Algorithm algorithm,
                                                     @ForAll @IntRange(min = 0, max = 1_000_000) int where,
                                                     @ForAll @IntRange(min = 0, max = 1_000) int which) throws Exception {
        KeyPair keys = SignedSamples.keys(algorithm);
        Receipt header = new Receipt("doc.maml.md", null, Digests.sha3_256Hex(source.getBytes(StandardCharsets.UTF_8)),
                SignedSamples.NOW, null, Digests.sha3_256Hex(new byte[] {(byte) where}));
        byte[] bytes = ReceiptWriter.write(header, source, keys.getPrivate(), PublicKeyRef.base64(keys.getPublic()),
                new SecureRandom()).getBytes(StandardCharsets.UTF_8);
        assertTrue(ReceiptVerifier.verify(DocumentParser.parse(bytes), null, null, TrustStore.EMPTY).valid());
        byte[] edited = edit(bytes, where % (bytes.length + 1), which);
        assertFalse(ReceiptVerifier.verify(DocumentParser.parse(edited), null, null, TrustStore.EMPTY).valid());
    }

    /** The strict base64 check: any other character anywhere in the value, the last one included. */
    @Property(tries = 200)
    void anyChangedSignatureCharacterInvalidates(@ForAll Algorithm algorithm,
                                                 @ForAll @IntRange(min = 0, max = 1_000_000) int where,
                                                 @ForAll @IntRange(min = 1, max = 63) int shift) {
        String signed = SignedSamples.sign(SignedSamples.DOCUMENT, algorithm);
        int start = signed.indexOf("  signature: \"") + "  signature: \"".length();
        String digits = signed.substring(start, signed.indexOf('"', start)).replace("=", "");
        // half of the time the last digit: its unused low bits are what a lax decoder ignores
        int at = start + (where % 2 == 0 ? digits.length() - 1 : where % digits.length());
        char replacement = BASE64.charAt((BASE64.indexOf(signed.charAt(at)) + shift) % 64);
        String changed = signed.substring(0, at) + replacement + signed.substring(at + 1);
        assertFalse(SignedSamples.verify(changed).outcome().signatureValid(), "character " + (at - start));
    }

    /** The {@code which}-th (modulo) edit of {@link ByteEdits} at {@code at}. */
    private static byte[] edit(byte[] bytes, int at, int which) {
        byte[][] chosen = new byte[1][];
        int[] n = {0};
        int[] count = {0};
        ByteEdits.forEach(bytes, at, (what, edited) -> count[0]++);
        int target = which % count[0];
        ByteEdits.forEach(bytes, at, (what, edited) -> {
            if (n[0]++ == target) {
                chosen[0] = edited;
            }
        });
        return chosen[0];
    }

    /** Front matter with a few keys, then sections of arbitrary text; small or large, LF or CRLF. */
    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> prose = Arbitraries.strings()
                .withChars(" \n\t#-*`:\"é\u0301\u0085\u2028\u200B\uFEFF\uD83D\uDE80".toCharArray()).withCharRange('a', 'z')
                .ofMaxLength(300).map(OneReadingProperties::wellFormed);
        Arbitrary<String> frontMatter = word.list().ofMaxSize(4).uniqueElements()
                .map(keys -> {
                    StringBuilder b = new StringBuilder("---\nmaml_version: \"2.0.0\"\n");
                    keys.forEach(k -> b.append("k_").append(k).append(": ").append(k).append('\n'));
                    return b.append("---\n").toString();
                });
        Arbitrary<Integer> repeat = Arbitraries.of(1, 1, 1, 200);
        return Combinators.combine(frontMatter, prose, prose, repeat, Arbitraries.of("\n", "\r\n"))
                .as((fm, intent, rest, times, eol) -> (fm + "## Intent\n" + intent + "\n## Context\n"
                        + (rest + "\n").repeat(times)).replace("\n", eol));
    }

    /** Drops surrogates that did not come out paired, so the text is what UTF-8 can hold. */
    private static String wellFormed(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).replace("\uFFFD", "?");
    }
}
