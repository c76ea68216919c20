package dev.maml.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.receipt.ReceiptFinding.Kind;
import dev.maml.report.Json;
import dev.maml.sign.Algorithm;
import dev.maml.sign.Digests;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.KeyId;
import dev.maml.sign.MlDsa;
import dev.maml.sign.TrustStore;
import dev.maml.testing.ChildProcesses;
import dev.maml.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptsTest {

    static final KeyPair KEYS = MlDsa.generate(Algorithm.ML_DSA_65, new SecureRandom());
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final String TRICKY = "---\r\nid: \"urn:uuid:0b7e4a52-7c1e-4d2a-9a55-3f1e2d4c5b6a\"\r\n---\r\n## Intent\r\n"
            + "caf\u0065\u0301 \uD83D\uDE80 lone\rcr \u05E9\u05DC\u05D5\u05DD\r\n```\r\n## not a section\r\n```\r\nno final break";

    Path keyFile(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("keys"));
        return KeyFiles.write(KEYS, dir.resolve("keys/signer").toString())[1];
    }

    @Test
    void signedReceiptOfATrickySourceVerifiesAndMirrorsExactly(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("tricky.maml.md");
        Files.writeString(source, TRICKY, StandardCharsets.UTF_8);
        Path receipt = createBeside(source, Receipts.of(source).key(keyFile(dir)).at(NOW));
        assertEquals(dir.resolve("tricky.mu"), receipt);
        MamlDocument doc = DocumentParser.read(receipt);
        assertEquals(TRICKY, Mirror.apply(ReceiptVerifier.body(doc)));
        ReceiptVerification v = ReceiptVerifier.verify(doc, dir, Files.readAllBytes(source), TrustStore.EMPTY);
        assertTrue(v.valid(), String.valueOf(v.findings()));
        assertEquals(KeyId.of(KEYS.getPublic()), v.keyId());
        assertFalse(v.trusted());
        assertEquals("urn:uuid:0b7e4a52-7c1e-4d2a-9a55-3f1e2d4c5b6a", v.sourceId());
        String text = Files.readString(receipt);
        assertTrue(text.startsWith("---\nmu_version: \"1.0\"\ntype: receipt\nmirror: text-reversal\n"
                + "source_maml: \"tricky.maml.md\"\nsource_id: \"urn:uuid:0b7e4a52-7c1e-4d2a-9a55-3f1e2d4c5b6a\"\n"
                + "source_sha3_256: \"" + Digests.sha3_256Hex(TRICKY.getBytes(StandardCharsets.UTF_8)) + "\"\n"
                + "created_at: 2026-11-25T12:00:00Z\nsigner: {method: ml-dsa-65, key_id: \""), text);
    }

    @Test
    void changedSourceBodyOrHeaderIsDetected(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("doc.maml.md");
        Files.copy(TestData.example(), source);
        Path receipt = createBeside(source, Receipts.of(source).key(keyFile(dir)).at(NOW));
        String text = Files.readString(receipt);
        byte[] original = Files.readAllBytes(source);

        byte[] changedSource = original.clone();
        changedSource[changedSource.length / 2] ^= 1;
        assertEquals(List.of(Kind.SOURCE), kinds(ReceiptVerifier.verify(DocumentParser.parse(text), dir, changedSource,
                TrustStore.EMPTY)));

        int bodyAt = text.indexOf("\n---\n") + 5;
        String body = text.substring(0, bodyAt + 10) + "X" + text.substring(bodyAt + 11);
        assertEquals(List.of(Kind.DIGEST, Kind.SIGNATURE), kinds(ReceiptVerifier.verify(DocumentParser.parse(body), dir,
                null, TrustStore.EMPTY)));

        String header = text.replace("created_at: 2026-11-25T12:00:00Z", "created_at: 2026-11-25T12:00:01Z");
        assertEquals(List.of(Kind.SIGNATURE), kinds(ReceiptVerifier.verify(DocumentParser.parse(header), dir, null,
                TrustStore.EMPTY)));
    }

    @Test
    void unsignedReceiptIsValidButSaysSo(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("doc.maml.md");
        Files.copy(TestData.example(), source);
        Path receipt = Receipts.of(source).out(dir.resolve("r.mu")).at(NOW).create();
        ReceiptVerification v = ReceiptVerifier.verify(DocumentParser.read(receipt), dir, null, TrustStore.EMPTY);
        assertTrue(v.valid());
        assertFalse(v.signed());
        assertEquals(List.of(Kind.UNSIGNED), kinds(v));
    }

    @Test
    void legacyCorpusReceiptsAreNotReceipts() throws Exception {
        Path legacy = TestData.corpus().resolve("DEPIN__page_5__ex1.mu");
        ReceiptVerification v = ReceiptVerifier.verify(DocumentParser.read(legacy), legacy.getParent(), null,
                TrustStore.EMPTY);
        assertFalse(v.valid());
    }

    @Test
    void runBlockIsWrittenAndCovered(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("doc.maml.md");
        Files.copy(TestData.example(), source);
        RunRecord run = RunRecord.of("7d0b3c5e-2f1a-4b6c-8d9e-0a1b2c3d4e5f", "agent://drone-security",
                Json.MAPPER.readTree("{\"b\":1,\"a\":[true,null]}"), Json.MAPPER.readTree("{\"is_valid\":true}"),
                List.of(new RunRecord.Step("qkd.bb84", "ok", 12), new RunRecord.Step("ml-dsa.sign", "ok", 3)));
        assertEquals(Digests.sha3_256Hex("{\"a\":[true,null],\"b\":1}".getBytes(StandardCharsets.UTF_8)), run.inputsSha3());
        Path receipt = createBeside(source, Receipts.of(source).run(run).key(keyFile(dir)).at(NOW));
        String text = Files.readString(receipt);
        assertTrue(text.contains("run:\n  run_id: \"7d0b3c5e-2f1a-4b6c-8d9e-0a1b2c3d4e5f\"\n  identity: \"agent://drone-security\"\n"
                + "  inputs_sha3_256: \"" + run.inputsSha3() + "\"\n  outputs_sha3_256: \"" + run.outputsSha3() + "\"\n"
                + "  steps:\n    - {name: \"qkd.bb84\", status: \"ok\", millis: 12}\n"), text);
        assertTrue(ReceiptVerifier.verify(DocumentParser.parse(text), dir, null, TrustStore.EMPTY).valid());
        String changed = text.replace("millis: 12", "millis: 13");
        assertEquals(List.of(Kind.SIGNATURE), kinds(ReceiptVerifier.verify(DocumentParser.parse(changed), dir, null,
                TrustStore.EMPTY)));
    }

    @Test
    void chainLinksReceiptsAndReportsTheFirstBrokenLink(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("doc.maml.md");
        Files.copy(TestData.example(), source);
        Path key = keyFile(dir);
        Path r1 = createBeside(source, Receipts.of(source).key(key).at(NOW));
        Path r2 = createBeside(source, Receipts.of(source).key(key).at(NOW));
        Path r3 = createBeside(source, Receipts.of(source).key(key).at(NOW.plusSeconds(5)));
        assertEquals(List.of("doc.mu", "doc.2.mu", "doc.3.mu"),
                List.of(r1, r2, r3).stream().map(p -> p.getFileName().toString()).toList());
        assertTrue(Files.readString(r2).contains("prev_sha3_256: \"" + Digests.sha3_256Hex(Files.readAllBytes(r1)) + "\""));
        Map<String, List<ReceiptChain.Link>> chains = ReceiptChain.read(dir);
        assertEquals(1, chains.size());
        ReceiptChain.Result ok = ReceiptChain.verify(chains.values().iterator().next(), TrustStore.EMPTY);
        assertTrue(ok.intact(), ok.reason());
        assertEquals(List.of(r1, r2, r3), ok.links().stream().map(ReceiptChain.Link::file).toList());

        // Re-sign r2 with a new date: valid on its own, but r3 no longer follows anything.
        Path other = dir.resolve("elsewhere");
        Files.createDirectories(other);
        Path rebuilt = Receipts.of(source).out(other.resolve("x.mu")).key(key).publicKeyRef("keys/signer.pub")
                .at(NOW.plusSeconds(1)).create();
        Files.writeString(r2, Files.readString(rebuilt).replace("created_at", "prev_sha3_256: \""
                + Digests.sha3_256Hex(Files.readAllBytes(r1)) + "\"\ncreated_at"));
        ReceiptChain.Result broken = ReceiptChain.verify(ReceiptChain.read(dir).values().iterator().next(), TrustStore.EMPTY);
        assertFalse(broken.intact());
        assertEquals(r2, broken.broken().file(), broken.reason());

        Files.writeString(r2, Files.readString(rebuilt));
        Files.delete(r2);
        ReceiptChain.Result gap = ReceiptChain.verify(ReceiptChain.read(dir).values().iterator().next(), TrustStore.EMPTY);
        assertEquals(r3, gap.broken().file());
        assertTrue(gap.reason().contains("changed or removed"), gap.reason());
    }

    /** {@code Receipts.create} under the next free name beside the source. */
    private static Path createBeside(Path source, Receipts.Builder receipt) throws Exception {
        return receipt.into(source.getParent()).create();
    }

    private static List<Kind> kinds(ReceiptVerification v) {
        return v.findings().stream().map(ReceiptFinding::kind).toList();
    }

    @Test
    void noPrevForTheFirstReceipt(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("a.maml.md");
        Files.writeString(source, "---\nid: a\n---\n");
        assertNull(ReceiptChain.head(dir, "a"));
        Path r = createBeside(source, Receipts.of(source).at(NOW));
        assertFalse(Files.readString(r).contains("prev_sha3_256"));
    }

    /** A server or a batch running one document on many threads: every receipt, one chain, no fork. */
    @Test
    void concurrentReceiptsOfOneDocumentExtendOneChain(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("a.maml.md");
        Files.writeString(source, "---\nid: a\n---\n## Intent\nrun me\n");
        int threads = 8;
        int each = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Path>>> written = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            written.add(pool.submit(() -> {
                start.await();
                List<Path> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(Receipts.of(source).into(dir).at(NOW).create());
                }
                return mine;
            }));
        }
        start.countDown();
        Set<Path> files = new HashSet<>();
        for (Future<List<Path>> f : written) {
            files.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(threads * each, files.size(), "a receipt replaced another");
        List<ReceiptChain.Link> chain = ReceiptChain.read(dir).get("a");
        assertEquals(threads * each, chain.size());
        ReceiptChain.Result result = ReceiptChain.verify(chain, TrustStore.EMPTY);
        assertTrue(result.intact(), () -> result.broken().file() + ": " + result.reason());
    }

    /**
     * A link under the next name (even one leading nowhere) is not a free name: it is skipped, not
     * written through; nor does it, or a FIFO named like a receipt, stop the receipt being written.
     */
    @Test
    void aLinkOrFifoNamedLikeAReceiptIsSkipped(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("a.maml.md");
        Files.writeString(source, "---\nid: a\n---\n");
        Path dangling = Files.createSymbolicLink(dir.resolve("a.mu"), dir.resolve("nowhere"));
        ChildProcesses.mkfifo(dir.resolve("planted.mu"));
        Path written = Receipts.of(source).into(dir).at(NOW).create();
        assertEquals(dir.resolve("a.2.mu"), written);
        assertTrue(Files.isSymbolicLink(dangling));
        assertFalse(Files.exists(dir.resolve("nowhere")));
        assertEquals(dir.resolve("a.3.mu"), Receipts.of(source).into(dir).at(NOW).create());
    }
}
