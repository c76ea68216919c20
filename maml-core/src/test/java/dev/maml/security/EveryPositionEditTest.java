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
import dev.maml.sign.KeyFiles;
import dev.maml.sign.Outcome;
import dev.maml.sign.TrustStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec 8's property, exhaustively for one signed document and one signed, chained receipt: every
 * edit of {@link ByteEdits} at every byte position outside the signature's base64 leaves neither at
 * valid, whichever entry point reads it. (Edits of the base64 itself are covered at random by
 * {@link OneReadingProperties}; checking each of its ~3,200 positions would only test ML-DSA.)
 * The public key is a file, so that the document is short and every byte of it is covered.
 */
class EveryPositionEditTest {

    @TempDir
    static Path dir;
    private static KeyPair keys;

    @BeforeAll
    static void writeKey() throws Exception {
        keys = SignedSamples.keys(Algorithm.ML_DSA_44);
        Files.writeString(dir.resolve("k.pub"), KeyFiles.encodePublic(keys.getPublic()));
    }

    @Test
    void noEditOfASignedDocumentOutsideTheSignatureValueVerifies() throws Exception {
        String signed = DocumentSigner.sign(SignedSamples.DOCUMENT, keys.getPrivate(), dir, "k.pub", SignedSamples.NOW,
                new SecureRandom());
        byte[] bytes = signed.getBytes(StandardCharsets.UTF_8);
        assertEquals(Outcome.VALID_UNTRUSTED, DocumentVerifier.verify(bytes, dir, TrustStore.EMPTY).outcome());
        int[] base64 = base64Range(signed, "  signature: \"");
        int frontMatterEnd = signed.indexOf("\n---\n") + 5;
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger tried = new AtomicInteger();
        ByteEdits.positions(bytes.length, base64[0], base64[1]).parallelStream().forEach(at ->
                ByteEdits.forEach(bytes, at, (what, edited) -> {
                    tried.incrementAndGet();
                    // the file entry point reads the front matter only; the full parse must agree where it is read
                    if (DocumentVerifier.verify(edited, dir, TrustStore.EMPTY).outcome().signatureValid()
                            || at <= frontMatterEnd && DocumentVerifier.verify(DocumentParser.parse(edited), dir,
                                    TrustStore.EMPTY).outcome().signatureValid()) {
                        accepted.add(what);
                    }
                }));
        assertTrue(tried.get() > 20 * (bytes.length - (base64[1] - base64[0])), "edits tried: " + tried.get());
        assertEquals(List.of(), accepted);
    }

    @Test
    void noEditOfASignedChainedReceiptOutsideTheSignatureValueVerifies() throws Exception {
        // a small CRLF source: its mirror puts CRs at the start of the receipt's body lines
        String source = "---\r\nid: x\r\n---\r\n## Intent\r\nrun \u00e9\uD83D\uDE80\r\n";
        Receipt header = new Receipt("doc.maml.md", "urn:uuid:5c4d3e2f-1a0b-4c8d-9e6f-5a4b3c2d1e0f",
                Digests.sha3_256Hex(source.getBytes(StandardCharsets.UTF_8)), SignedSamples.NOW, null,
                Digests.sha3_256Hex(new byte[] {1}));
        String receipt = ReceiptWriter.write(header, source, keys.getPrivate(), "k.pub", new SecureRandom());
        byte[] bytes = receipt.getBytes(StandardCharsets.UTF_8);
        assertTrue(ReceiptVerifier.verify(DocumentParser.parse(bytes), dir, null, TrustStore.EMPTY).valid());
        assertTrue(receipt.contains("\n\r"), "the mirrored CRLF source puts CRs at the start of body lines");
        int[] base64 = base64Range(receipt, "\nsignature: \"");
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        ByteEdits.positions(bytes.length, base64[0], base64[1]).parallelStream().forEach(at ->
                ByteEdits.forEach(bytes, at, (what, edited) -> {
                    if (ReceiptVerifier.verify(DocumentParser.parse(edited), dir, null, TrustStore.EMPTY).valid()) {
                        accepted.add(what);
                    }
                }));
        assertEquals(List.of(), accepted);
    }

    /** Byte offsets of the base64 between the quotes after {@code prefix}. */
    static int[] base64Range(String text, String prefix) {
        int start = text.indexOf(prefix) + prefix.length();
        int end = text.indexOf('"', start);
        assertFalse(text.indexOf(prefix) < 0);
        return new int[] {utf8Length(text.substring(0, start)), utf8Length(text.substring(0, end))};
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
