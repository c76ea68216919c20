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

/** Chains that are not one straight line: two starts, a fork, foreign .mu files, names out of time order. */
class ReceiptChainTest {

    static final Instant T = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path dir;

    private Path source() throws Exception {
        Path source = dir.resolve("doc.maml.md");
        if (!Files.exists(source)) {
            Files.writeString(source, "---\nid: \"urn:uuid:0b7e4a52-7c1e-4d2a-9a55-3f1e2d4c5b6a\"\n---\n## Intent\nChain me.\n");
        }
        return source;
    }

    private Path receipt(Path in, String name, Instant at) throws Exception {
        Files.createDirectories(in);
        return Receipts.of(source()).out(in.resolve(name)).at(at).create();
    }

    private ReceiptChain.Result verifyOnly() throws Exception {
        Map<String, List<ReceiptChain.Link>> chains = ReceiptChain.read(dir);
        assertEquals(1, chains.size(), chains.keySet().toString());
        return ReceiptChain.verify(chains.values().iterator().next(), TrustStore.EMPTY);
    }

    @Test
    void linksAreReadInTimeOrderAndForeignMuFilesAreLeftOut() throws Exception {
        Path z = receipt(dir, "z.mu", T);
        Path a = receipt(dir, "a.mu", T.plusSeconds(1));
        Path m = receipt(dir, "m.mu", T.plusSeconds(2));
        Files.writeString(dir.resolve("notes.mu"), "---\ntype: notes\nsource_id: \"urn:uuid:0b7e4a52-7c1e-4d2a-9a55-3f1e2d4c5b6a\"\n---\n");
        Files.writeString(dir.resolve("plain.mu"), "just text\n");
        List<ReceiptChain.Link> links = ReceiptChain.read(dir).get("urn:uuid:0b7e4a52-7c1e-4d2a-9a55-3f1e2d4c5b6a");
        assertEquals(List.of(z, a, m), links.stream().map(ReceiptChain.Link::file).toList());
        ReceiptChain.Result r = verifyOnly();
        assertTrue(r.intact(), r.reason());
        assertEquals(m, ReceiptChain.head(dir, "urn:uuid:0b7e4a52-7c1e-4d2a-9a55-3f1e2d4c5b6a").file());
    }

    @Test
    void twoFirstReceiptsBreakTheChain() throws Exception {
        receipt(dir, "one.mu", T);
        Path elsewhere = receipt(dir.resolve("elsewhere"), "two.mu", T.plusSeconds(1));
        Files.move(elsewhere, dir.resolve("two.mu"));
        ReceiptChain.Result r = verifyOnly();
        assertFalse(r.intact());
        assertEquals(dir.resolve("two.mu"), r.broken().file());
        assertTrue(r.reason().startsWith("a second first receipt"), r.reason());
    }

    @Test
    void twoReceiptsFollowingTheSameOneAreAFork() throws Exception {
        receipt(dir, "one.mu", T);
        Path two = receipt(dir, "two.mu", T.plusSeconds(1));
        Path aside = Files.move(two, dir.resolve("two.aside"));
        receipt(dir, "three.mu", T.plusSeconds(2));
        Files.move(aside, two);
        ReceiptChain.Result r = verifyOnly();
        assertFalse(r.intact());
        assertTrue(r.reason().startsWith("fork: "), r.reason());
    }
}
