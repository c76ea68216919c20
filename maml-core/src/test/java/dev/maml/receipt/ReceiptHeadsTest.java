package dev.maml.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.maml.sign.Digests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remembered heads follow the directory: what another process adds, replaces or removes counts,
 * at once when the directory's time moved on, at the latest after ReceiptHeads.TRUSTED otherwise.
 */
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
        tickDirectoryClock(); // a change in the same tick as our own write is seen after ReceiptHeads.TRUSTED (below)
        assertEquals(sha(dir.resolve("z.mu")), ReceiptChain.head(dir, "a").sha3());
    }

    @Test
    void aDirectoryThatSaysNothingChangedIsTrustedForOneSecondOnly() throws Exception {
        long[] now = {0};
        ReceiptHeads heads = new ReceiptHeads(() -> now[0]);
        Path first = Receipts.of(source).into(dir).at(NOW).create();
        assertEquals(sha(first), heads.head(dir, "a").sha3());
        FileTime listedAt = Files.getLastModifiedTime(dir);
        Path theirs = plantReceipt(NOW.plusSeconds(10));
        Files.setLastModifiedTime(dir, listedAt); // as if planted within the same tick of the clock
        now[0] += ReceiptHeads.TRUSTED;
        assertEquals(sha(first), heads.head(dir, "a").sha3(), "no listing while the directory's time is unchanged");
        now[0] += 1;
        assertEquals(sha(theirs), heads.head(dir, "a").sha3(), "listed again once the listing is a second old");
    }

    @Test
    void ownWritesAreRecordedWithoutListingAndOthersAreNot() throws Exception {
        long[] now = {0};
        ReceiptHeads heads = new ReceiptHeads(() -> now[0]);
        Path first = Receipts.of(source).into(dir).at(NOW).create();
        heads.head(dir, "a");
        // our write: the directory was current before it, so the change it made is taken as ours alone
        boolean current = heads.current(dir);
        Path ours = moveIn(Receipts.of(source).into(Files.createTempDirectory("ours")).at(NOW.plusSeconds(1)).create(), "a.2.mu");
        heads.written(dir, ours, current);
        FileTime recorded = Files.getLastModifiedTime(dir);
        Path theirs = plantReceipt(NOW.plusSeconds(10));
        Files.setLastModifiedTime(dir, recorded); // planted within the same tick as our write
        assertEquals(sha(ours), heads.head(dir, "a").sha3(), "our own write recorded; the same-tick plant unseen");
        // another process's write before ours: the directory was not current, so the next run lists it
        tickDirectoryClock();
        boolean notCurrent = heads.current(dir);
        Path again = moveIn(Receipts.of(source).into(Files.createTempDirectory("ours")).at(NOW.plusSeconds(2)).create(), "a.3.mu");
        heads.written(dir, again, notCurrent);
        assertFalse(notCurrent);
        assertEquals(sha(theirs), heads.head(dir, "a").sha3(), "listed: their receipt, the newest, leads");
    }

    @Test
    void aHeadRemovedWithinTheSameTickIsNoticed() throws Exception {
        long[] now = {0};
        ReceiptHeads heads = new ReceiptHeads(() -> now[0]);
        Path first = Receipts.of(source).into(dir).at(NOW).create();
        Path second = Receipts.of(source).into(dir).at(NOW.plusSeconds(1)).create();
        assertEquals(sha(second), heads.head(dir, "a").sha3());
        FileTime listedAt = Files.getLastModifiedTime(dir);
        Files.delete(second);
        Files.setLastModifiedTime(dir, listedAt);
        assertEquals(sha(first), heads.head(dir, "a").sha3(), "the head is checked even when the directory says nothing changed");
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

    /** Another process's receipt of the same document, moved in under a name of its own. */
    private Path plantReceipt(Instant at) throws Exception {
        Path elsewhere = Files.createTempDirectory("theirs");
        return moveIn(Receipts.of(source).into(elsewhere).at(at).create(), "z.mu");
    }

    private Path moveIn(Path receipt, String name) throws Exception {
        return Files.move(receipt, dir.resolve(name));
    }

    /** Moves the directory's time past any tick our writes happened in, as time passing would. */
    private void tickDirectoryClock() throws Exception {
        Files.setLastModifiedTime(dir, FileTime.from(Files.getLastModifiedTime(dir).toInstant().plusSeconds(1)));
    }

    private static String sha(Path file) throws Exception {
        return Digests.sha3_256Hex(Files.readAllBytes(file));
    }
}
