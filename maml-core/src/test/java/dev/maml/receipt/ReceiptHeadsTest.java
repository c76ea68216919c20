package dev.maml.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.maml.sign.Digests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remembered heads follow the directory: what another process adds, replaces or removes counts. */
class ReceiptHeadsTest {

    static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");

    @TempDir
    Path dir;
    Path source;

    @BeforeEach
    void source() throws Exception {
        source = dir.resolve("a.maml.md");
        Files.writeString(source, "---\nid: a\n---\n## Intent\nrun me\n");
    }

    @Test
    void aReceiptWrittenBehindTheCachesBackBecomesTheHead() throws Exception {
        Path first = Receipts.of(source).into(dir).at(NOW).create();
        assertEquals(sha(first), ReceiptChain.head(dir, "a").sha3());
        // another process: a receipt of the same document, written under a name of its own
        Path elsewhere = Files.createTempDirectory(dir, "other");
        Path theirs = Receipts.of(source).into(elsewhere).at(NOW.plusSeconds(1)).create();
        Files.move(theirs, dir.resolve("z.mu"));
        assertEquals(sha(dir.resolve("z.mu")), ReceiptChain.head(dir, "a").sha3());
    }

    @Test
    void aReplacedHeadIsReadAgain() throws Exception {
        Path first = Receipts.of(source).into(dir).at(NOW).create();
        ReceiptChain.head(dir, "a");
        Path other = Files.createTempDirectory(dir, "other");
        Path replacement = Receipts.of(source).into(other).at(NOW.plusSeconds(5)).create();
        Files.move(replacement, first, StandardCopyOption.REPLACE_EXISTING);
        assertEquals(sha(first), ReceiptChain.head(dir, "a").sha3());
    }

    @Test
    void aRemovedHeadIsForgottenAndItsPredecessorLeadsAgain() throws Exception {
        Path first = Receipts.of(source).into(dir).at(NOW).create();
        Path second = Receipts.of(source).into(dir).at(NOW.plusSeconds(1)).create();
        assertEquals(sha(second), ReceiptChain.head(dir, "a").sha3());
        Files.delete(second);
        assertEquals(sha(first), ReceiptChain.head(dir, "a").sha3());
        Files.delete(first);
        assertNull(ReceiptChain.head(dir, "a"));
    }

    private static String sha(Path file) throws Exception {
        return Digests.sha3_256Hex(Files.readAllBytes(file));
    }
}
