package dev.maml.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.parse.DocumentParser;
import dev.maml.sign.Algorithm;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.MlDsa;
import dev.maml.sign.TrustStore;
import dev.maml.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed receipt committed in testdata/golden/receipt (ML-DSA-44, made by {@code maml receipt create};
 * see testdata/golden/README.md). It must keep verifying, byte for byte, and the writer must keep
 * writing the same text for the same source: a change to the receipt format, the mirror, the digest,
 * the signed bytes or the signature context cannot pass unnoticed.
 */
class GoldenReceiptTest {

    static final Path GOLDEN = TestData.root().resolve("golden/receipt");
    static final String KEY_ID = "324c617c7f3e4ab3";

    @Test
    void theGoldenReceiptVerifiesAsSignedAndTrustedByItsKey() throws Exception {
        Path receipt = GOLDEN.resolve("golden.mu");
        byte[] source = Files.readAllBytes(GOLDEN.resolve("golden.maml.md"));
        ReceiptVerification v = ReceiptVerifier.verify(DocumentParser.read(receipt), GOLDEN, source,
                TrustStore.of(List.of(), List.of(GOLDEN.resolve("golden.pub"))));
        assertTrue(v.valid(), v.findings().toString());
        assertEquals(KEY_ID, v.keyId());
        assertTrue(v.trusted());
        assertEquals("urn:uuid:6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b", v.sourceId());
        assertEquals(List.of(), v.findings());
    }

    @Test
    void theWriterStillWritesTheGoldenTextForTheGoldenSource(@TempDir Path dir) throws Exception {
        String golden = Files.readString(GOLDEN.resolve("golden.mu"));
        Matcher created = Pattern.compile("(?m)^created_at: (\\S+)$").matcher(golden);
        assertTrue(created.find());
        Path source = Files.copy(GOLDEN.resolve("golden.maml.md"), dir.resolve("golden.maml.md"));
        Files.createDirectories(dir.resolve("keys"));
        Path key = KeyFiles.write(MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom()),
                dir.resolve("keys/other").toString())[1];
        Receipts.Draft draft = Receipts.of(source).out(dir.resolve("golden.mu")).key(key).publicKeyRef("golden.pub")
                .at(Instant.parse(created.group(1))).draft(Files.readString(source));
        // Another key and a hedged signature: only the key id and the signature value may differ.
        assertEquals(withoutKey(golden), withoutKey(draft.text()));
    }

    private static String withoutKey(String receipt) {
        return receipt.replaceFirst("key_id: \"[0-9a-f]{16}\"", "key_id: \"…\"")
                .replaceFirst("(?m)^signature: \"[A-Za-z0-9+/=]+\"$", "signature: \"…\"");
    }
}
