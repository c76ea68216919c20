package dev.maml.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AtomicFiles} forcing a large file in the background while it is written ({@link Writeback}):
 * the file still appears whole or not at all, and a force that fails fails the write.
 */
class AtomicFilesWritebackTest {

    private static final long STEP = 64 << 10;

    @TempDir
    Path dir;

    @Test
    void aLargeFileIsForcedWhileWrittenAndArrivesWholeAndOwnerOnly() throws IOException {
        Path target = dir.resolve("big.mqa");
        Files.writeString(target, "old");
        byte[] content = pattern(1 << 20);
        AtomicInteger forces = new AtomicInteger();
        AtomicFiles.write(target, AtomicFiles.OWNER_ONLY, out -> {
            for (int off = 0; off < content.length; off += 10_000) {
                out.write(content, off, Math.min(10_000, content.length - off));
            }
        }, true, channel -> () -> {
            channel.force(false);
            forces.incrementAndGet();
        }, STEP);
        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertTrue(forces.get() >= 1, "forced in the background " + forces.get() + " times");
        assertEquals(List.of(target), files());
    }

    @Test
    void theWriteWaitsForTheForceInFlight() throws IOException {
        Path target = dir.resolve("big.mqa");
        CountDownLatch written = new CountDownLatch(1);
        AtomicBoolean forced = new AtomicBoolean();
        Thread writer = Thread.currentThread();
        AtomicFiles.write(target, AtomicFiles.OWNER_ONLY, out -> {
            out.write(new byte[(int) STEP * 2]);
            written.countDown();
        }, true, channel -> () -> {
            awaitUninterruptibly(written);
            // ends only once the writer waits for it: a writer that went on would find it unfinished
            while (writer.getState() != Thread.State.WAITING) {
                Thread.yield();
            }
            channel.force(false); // the channel is still open: the write did not close it under the force
            forced.set(true);
        }, STEP);
        assertTrue(forced.get(), "the write returned before its background force ended");
        assertEquals(STEP * 2, Files.size(target));
    }

    @Test
    void aFailedForceFailsTheWriteAndLeavesTheOldFile() throws IOException {
        Path target = dir.resolve("big.mqa");
        Files.writeString(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, AtomicFiles.OWNER_ONLY,
                out -> out.write(pattern(1 << 20)), true, channel -> () -> {
                    throw new IOException("disk on fire");
                }, STEP));
        assertTrue(e.getMessage().contains("disk on fire"), e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void aForceThatFailsAfterTheLastWriteStillFailsTheWrite() throws IOException {
        Path target = dir.resolve("new.mqa");
        CountDownLatch written = new CountDownLatch(1);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, AtomicFiles.OWNER_ONLY,
                out -> {
                    out.write(new byte[(int) STEP * 2]);
                    written.countDown();
                }, true, channel -> () -> {
                    awaitUninterruptibly(written); // fails only once the content is all written
                    throw new IOException("late failure");
                }, STEP));
        assertTrue(e.getMessage().contains("late failure"), e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void aFailedContentIsReportedOverAForceThatFailedToo() {
        Path target = dir.resolve("new.mqa");
        CountDownLatch failing = new CountDownLatch(1);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, AtomicFiles.OWNER_ONLY,
                out -> {
                    out.write(new byte[(int) STEP * 2]);
                    failing.countDown();
                    throw new IOException("chunk 9 failed");
                }, true, channel -> () -> {
                    awaitUninterruptibly(failing);
                    throw new IOException("force failed");
                }, STEP));
        assertEquals("chunk 9 failed", e.getMessage());
        assertEquals(1, e.getSuppressed().length);
        assertTrue(e.getSuppressed()[0].getMessage().contains("force failed"), e.getSuppressed()[0].getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void aSmallFileStartsNoBackgroundForce() throws IOException {
        Path target = dir.resolve("receipt.mu");
        AtomicInteger forces = new AtomicInteger();
        AtomicFiles.write(target, AtomicFiles.OWNER_ONLY, out -> out.write(new byte[(int) STEP - 1]), true,
                channel -> forces::incrementAndGet, STEP);
        assertEquals(0, forces.get());
        assertEquals(STEP - 1, Files.size(target));
    }

    private static byte[] pattern(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + (i >>> 8));
        }
        return b;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // keep waiting: the test decides when the force may go on
            }
        }
    }

    private List<Path> files() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
