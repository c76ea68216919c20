package dev.maml.quadaes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The payload's chunks are sealed and opened on several threads (issue 15): the container must be
 * byte for byte what one thread writes, the chunks in order whatever order the threads finish in,
 * and an unseal must stop at the first chunk that fails, with nothing of a later chunk written.
 */
class ChunkPipelineTest {

    private static final byte[] KEY = Fixtures.payload(DataKey.BYTES, 1);
    private static final byte[] AAD = Fixtures.payload(40, 2);
    private static final byte[] PREFIX = Fixtures.payload(StreamNonce.PREFIX_BYTES, 3);
    private static final int CHUNK = PayloadCipher.CHUNK_SIZE;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 7 * CHUNK, 23 * CHUNK + 5})
    void parallelSealingWritesWhatOneThreadWrites(int length) throws IOException {
        byte[] payload = Fixtures.payload(length, length);
        byte[] oneThread = seal(payload, 1);
        byte[] fourThreads = seal(payload, 4);
        assertArrayEquals(oneThread, fourThreads);
        assertEquals(length + Gcm.TAG_BYTES * Math.max(1, (length + CHUNK - 1) / CHUNK), fourThreads.length);

        ByteArrayOutputStream back = new ByteArrayOutputStream();
        assertEquals(length, cipher(4).decrypt(new ByteArrayInputStream(oneThread), back, "c"));
        assertArrayEquals(payload, back.toByteArray());
    }

    /** Chunk 0 finishes last on purpose: its output must still come first. */
    @Test
    void outputsKeepChunkOrderWhateverOrderTheWorkersFinishIn() throws IOException {
        int chunks = 6;
        CountDownLatch othersDone = new CountDownLatch(3);
        List<Long> finished = Collections.synchronizedList(new ArrayList<>());
        ChunkPipeline pipeline = new ChunkPipeline(4, 4, 1, 4, (gcm, counter, last, in, inOff, len, out, outOff) -> {
            if (counter == 0) {
                await(othersDone);
            }
            System.arraycopy(in, inOff, out, outOff, len);
            finished.add(counter);
            if (counter >= 1 && counter <= 3) {
                othersDone.countDown();
            }
            return len;
        });
        byte[] input = Fixtures.payload(chunks * 4, 9);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(new ChunkPipeline.Totals(input.length, input.length), pipeline.run(new ByteArrayInputStream(input), out));
        assertArrayEquals(input, out.toByteArray());
        assertTrue(finished.indexOf(0L) > finished.indexOf(1L), "chunk 0 finished after chunk 1: " + finished);
    }

    /**
     * A failing chunk k: its exception, the outputs of chunks 0..k-1 (also those done by the same task)
     * and nothing after, even when later chunks finished first.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aFailedChunkStopsTheOutputThereEvenIfLaterChunksFinishedFirst(int perTask) {
        CountDownLatch laterDone = new CountDownLatch(2);
        IOException failure = new IOException("chunk 2 is bad");
        ChunkPipeline pipeline = new ChunkPipeline(4, 4, perTask, 4, (gcm, counter, last, in, inOff, len, out, outOff) -> {
            if (counter == 2) {
                await(laterDone);
                throw failure;
            }
            if (counter > 2) {
                laterDone.countDown();
            }
            Arrays.fill(out, outOff, outOff + len, (byte) counter);
            return len;
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IOException thrown = assertThrows(IOException.class,
                () -> pipeline.run(new ByteArrayInputStream(new byte[10 * 4]), out));
        assertSame(failure, thrown);
        assertArrayEquals(new byte[] {0, 0, 0, 0, 1, 1, 1, 1}, out.toByteArray());
    }

    /**
     * Only the chunk after which the input ends is marked last, also when the input fills its chunks
     * (or a task's chunks) exactly; every chunk is seen once, with its own length.
     */
    @ParameterizedTest
    @CsvSource({"0, 1", "3, 1", "4, 1", "5, 1", "12, 1", "13, 1", "0, 3", "4, 3", "8, 3", "12, 3", "13, 3", "24, 3",
            "25, 3", "23, 2"})
    void exactlyTheFinalChunkIsLast(int length, int perTask) throws IOException {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        new ChunkPipeline(4, 4, perTask, 3, (gcm, counter, last, in, inOff, len, out, outOff) -> {
            seen.add(counter + ":" + len + (last ? ":last" : ""));
            return 0;
        }).run(new ByteArrayInputStream(new byte[length]), new ByteArrayOutputStream());
        List<String> expected = new ArrayList<>();
        int chunks = Math.max(1, (length + 3) / 4);
        for (int i = 0; i < chunks; i++) {
            int len = Math.min(4, length - 4 * i);
            expected.add(i + ":" + len + (i == chunks - 1 ? ":last" : ""));
        }
        Collections.sort(seen);
        assertEquals(expected, seen);
    }

    /** Tampering found by a worker is reported for the first bad chunk, with only the chunks before it written. */
    @Test
    void parallelUnsealOfATamperedChunkWritesOnlyTheChunksBeforeIt() throws IOException {
        byte[] payload = Fixtures.payload(9 * CHUNK + 11, 5);
        byte[] sealed = seal(payload, 1);
        sealed[6 * PayloadCipher.SEALED_CHUNK + 100] ^= 1;
        sealed[8 * PayloadCipher.SEALED_CHUNK + 100] ^= 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContainerException e = assertThrows(ContainerException.class,
                () -> cipher(4).decrypt(new ByteArrayInputStream(sealed), out, "c.mqa"));
        assertTrue(e.getMessage().startsWith("c.mqa: payload chunk 6 failed authentication"), e.getMessage());
        assertArrayEquals(Arrays.copyOf(payload, 6 * CHUNK), out.toByteArray());
    }

    /** Swapped chunks and a stream cut at a chunk boundary still fail when the chunks are opened in parallel. */
    @Test
    void parallelUnsealStillRefusesReorderedAndTruncatedStreams() throws IOException {
        byte[] sealed = seal(Fixtures.payload(5 * CHUNK + 3, 6), 1);
        int s = PayloadCipher.SEALED_CHUNK;
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, s, swapped, 2 * s, s);
        System.arraycopy(sealed, 2 * s, swapped, s, s);
        assertFails(swapped, "payload chunk 1 failed");
        assertFails(Arrays.copyOf(sealed, 3 * s), "payload chunk 2 failed"); // chunk 2 was not the last
        assertFails(new byte[0], "payload chunk 0 failed");
    }

    /** Starting threads for a one-chunk payload (most datasets a run seals) would cost more than it saves. */
    @Test
    void aOneChunkPayloadIsDoneOnTheCallingThreadAndLongerOnesOnWorkers() throws IOException {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        ChunkPipeline pipeline = new ChunkPipeline(4, 4, 1, 4, (gcm, counter, last, in, inOff, len, out, outOff) -> {
            threads.add(Thread.currentThread());
            return 0;
        });
        pipeline.run(new ByteArrayInputStream(new byte[4]), new ByteArrayOutputStream());
        assertEquals(Set.of(Thread.currentThread()), threads);
        threads.clear();
        pipeline.run(new ByteArrayInputStream(new byte[12]), new ByteArrayOutputStream());
        assertFalse(threads.isEmpty());
        assertFalse(threads.contains(Thread.currentThread()), threads.toString());
    }

    /** While the oldest chunk is unfinished, reading stops after a fixed number of chunks: memory stays bounded. */
    @Test
    void readingAheadStopsWhileTheOldestChunkIsUnfinished() throws IOException {
        int workers = 2;
        Thread caller = Thread.currentThread();
        AtomicLong served = new AtomicLong();
        AtomicLong servedWhenBlocked = new AtomicLong(-1);
        InputStream input = new ByteArrayInputStream(new byte[100 * 4]) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, len);
                served.addAndGet(Math.max(n, 0));
                return n;
            }
        };
        new ChunkPipeline(4, 4, 1, workers, (gcm, counter, last, in, inOff, len, out, outOff) -> {
            if (counter == 0) {
                while (caller.getState() != Thread.State.WAITING) { // the caller waits for this chunk
                    Thread.onSpinWait();
                }
                servedWhenBlocked.set(served.get());
            }
            return 0;
        }).run(input, new ByteArrayOutputStream());
        assertTrue(servedWhenBlocked.get() <= (2L * workers + 2) * 4, servedWhenBlocked + " bytes read ahead");
        assertEquals(100 * 4, served.get());
    }

    @Test
    void atLeastOneWorker() {
        assertThrows(IllegalArgumentException.class, () -> new ChunkPipeline(4, 4, 1, 0, (g, c, l, i, f, n, o, p) -> 0));
        assertThrows(IllegalArgumentException.class, () -> new ChunkPipeline(4, 4, 0, 1, (g, c, l, i, f, n, o, p) -> 0));
        assertFalse(ChunkPipeline.defaultWorkers() < 1);
    }

    private static void assertFails(byte[] sealed, String message) {
        ContainerException e = assertThrows(ContainerException.class,
                () -> cipher(4).decrypt(new ByteArrayInputStream(sealed), new ByteArrayOutputStream(), "c"));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    private static byte[] seal(byte[] payload, int workers) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(payload.length, cipher(workers).encrypt(new ByteArrayInputStream(payload), out));
        return out.toByteArray();
    }

    private static PayloadCipher cipher(int workers) {
        return new PayloadCipher(KEY, AAD, PREFIX, workers);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(60, TimeUnit.SECONDS), "the other chunks never ran in parallel");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
