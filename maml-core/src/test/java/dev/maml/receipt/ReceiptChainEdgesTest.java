package dev.maml.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.sign.TrustStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edges of ReceiptChain: a source without an id, a created_at that is not a time, a head among
 * unlinked receipts, and a cycle of links (SHA3 makes one impossible between real receipts, so the
 * links here carry made-up digests, as a forged set would).
 */
class ReceiptChainEdgesTest {

    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path dir;

    private Path source(String text) throws Exception {
        return Files.writeString(dir.resolve("doc.maml.md"), text);
    }

    @Test
    void receiptsOfASourceWithoutAnIdAreGroupedByItsFileName() throws Exception {
        Path source = source("---\ntitle: no id\n---\n## Intent\nx\n");
        Path first = Receipts.of(source).out(dir.resolve("a.mu")).at(T).create();
        Path second = Receipts.of(source).out(dir.resolve("b.mu")).at(T.plusSeconds(1)).create();
        Map<String, List<ReceiptChain.Link>> chains = ReceiptChain.read(dir);
        assertEquals(List.of("doc.maml.md"), List.copyOf(chains.keySet()));
        assertEquals(List.of(first, second), chains.get("doc.maml.md").stream().map(ReceiptChain.Link::file).toList());
        assertEquals(second, ReceiptChain.head(dir, "doc.maml.md").file());
    }

    @Test
    void aCreatedAtThatIsNotATimeSortsAsTheEpoch() throws Exception {
        Files.writeString(dir.resolve("odd.mu"), "---\ntype: receipt\nsource_id: s\ncreated_at: soon\n---\n");
        List<ReceiptChain.Link> links = ReceiptChain.read(dir).get("s");
        assertEquals(1, links.size());
        assertEquals(Instant.EPOCH, links.get(0).createdAt());
        assertEquals("s", links.get(0).sourceId());
    }

    @Test
    void theHeadAmongUnlinkedReceiptsIsTheNewest() throws Exception {
        Path source = source("---\nid: s\n---\n## Intent\nx\n");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        // Each is written alone in elsewhere/ (so each starts a chain), then moved beside the other.
        Files.move(Receipts.of(source).out(elsewhere.resolve("t.mu")).at(T.plusSeconds(1)).create(),
                dir.resolve("a.mu"));
        Files.move(Receipts.of(source).out(elsewhere.resolve("t.mu")).at(T).create(), dir.resolve("z.mu"));
        assertEquals(dir.resolve("a.mu"), ReceiptChain.head(dir, "s").file());
    }

    @Test
    void aCycleOfLinksHasNoStartAndIsStillChecked() throws Exception {
        Path source = source("---\nid: s\n---\n## Intent\nx\n");
        Receipts.of(source).out(dir.resolve("a.mu")).at(T).create();
        Receipts.of(source).out(dir.resolve("b.mu")).at(T.plusSeconds(1)).create();
        List<ReceiptChain.Link> read = ReceiptChain.read(dir).get("s");
        ReceiptChain.Link a = forged(read.get(0), "1".repeat(64), "2".repeat(64));
        ReceiptChain.Link b = forged(read.get(1), "2".repeat(64), "1".repeat(64));
        ReceiptChain.Result r = ReceiptChain.verify(List.of(a, b), TrustStore.EMPTY);
        assertFalse(r.intact());
        assertEquals(List.of(a, b), r.links());
        assertEquals(a, r.broken());
        assertEquals("no receipt starts the chain (every one names a predecessor)", r.reason());
    }

    private static ReceiptChain.Link forged(ReceiptChain.Link l, String sha3, String prev) {
        return new ReceiptChain.Link(l.file(), sha3, l.document(), l.sourceId(), prev, l.createdAt());
    }

    @Test
    void aSignedReceiptWhoseKeyHasNoPublicFileInTheTreeEmbedsTheKey() throws Exception {
        java.security.KeyPair keys = dev.maml.sign.MlDsa.generate(dev.maml.sign.Algorithm.ML_DSA_44,
                new java.security.SecureRandom());
        Path key = dev.maml.sign.KeyFiles.write(keys, dir.resolve("signer").toString())[1];
        Path source = source("---\nid: s\n---\n## Intent\nx\n");
        Path out = Files.createDirectories(dir.resolve("receipts")).resolve("r.mu");
        String text = Files.readString(Receipts.of(source).out(out).key(key).at(T).random(new java.security.SecureRandom()).create());
        assertTrue(text.contains(", public_key: \"" + dev.maml.sign.PublicKeyRef.base64(keys.getPublic()) + "\"}\n"),
                "signer.pub lies outside receipts/: " + text);
    }
}
