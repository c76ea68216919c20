package dev.maml.quadaes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Runs the AEAD of a payload's chunks on several threads while the calling thread reads ahead and
 * writes the results in chunk order. Under STREAM every chunk has its own nonce and tag, so chunks
 * are independent and the output is byte for byte what one thread would write: only the work is
 * spread over the cores (a cold 256 MiB seal spent most of its payload time in AES-GCM on one core
 * while the other waited; docs/performance.md, issue 15). A worker takes a few chunks at a time:
 * handing each 64 KiB chunk over on its own cost up to 0.1 s of CPU in thread wake-ups in a 256 MiB
 * seal.
 *
 * <p>Chunk k's output is written only once chunk k's work returned, and nothing after a chunk whose
 * work threw: for unseal, no plaintext follows a chunk that failed authentication, as before. Memory
 * is a fixed number of chunk buffers, whatever the payload size.
 */
final class ChunkPipeline {

    /** The work on one chunk, run on a worker thread with that thread's own {@link Gcm}. */
    @FunctionalInterface
    interface ChunkWork {
        /**
         * Transforms {@code in[inOff, inOff+len)}, chunk {@code counter}, into {@code out} at
         * {@code outOff}; returns the output length.
         */
        int apply(Gcm gcm, long counter, boolean last, byte[] in, int inOff, int len, byte[] out, int outOff)
                throws IOException;
    }

    /** Bytes read from the input and written to the output. */
    record Totals(long read, long written) {
    }

    /** Beyond a few cores the disk and the reading thread set the pace; more threads only cost memory. */
    static final int MAX_WORKERS = 8;

    private final int inSize;
    private final int outSize;
    private final int perTask;
    private final int workers;
    private final ChunkWork work;

    /**
     * @param inSize  bytes per input chunk (a shorter read ends the stream)
     * @param outSize the largest output of one chunk
     * @param perTask chunks a worker takes at a time (and the calling thread reads and writes at a time)
     * @param workers threads doing the work; 1 runs it on the calling thread
     */
    ChunkPipeline(int inSize, int outSize, int perTask, int workers, ChunkWork work) {
        if (workers < 1 || perTask < 1) {
            throw new IllegalArgumentException("workers and chunks per task must be at least 1");
        }
        this.inSize = inSize;
        this.outSize = outSize;
        this.perTask = perTask;
        this.workers = Math.min(workers, MAX_WORKERS);
        this.work = work;
    }

    /** One worker per core this JVM may use. */
    static int defaultWorkers() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Reads {@code in} to its end in chunks, transforms them and writes the outputs in order. There is
     * always at least one chunk (empty for an empty input); the last one is the first shorter than
     * {@code inSize}, or the one after which the input ends. Throws what a chunk's work threw, for
     * the first chunk in order whose work failed, after writing the outputs of the chunks before it;
     * an IOException when the input has more chunks than the 32-bit counter numbers.
     */
    Totals run(InputStream in, OutputStream out) throws IOException {
        ExecutorService pool = null; // made at the first task that is not the whole payload
        ThreadLocal<Gcm> gcms = ThreadLocal.withInitial(Gcm::new);
        // at most two tasks per worker in flight, plus the one being read and the look-ahead
        int maxSlots = 2 * workers + 2;
        int slots = 1;
        ArrayDeque<Slot> free = new ArrayDeque<>();
        ArrayDeque<Pending> pending = new ArrayDeque<>();
        long read = 0;
        long written = 0;
        try {
            Slot current = newSlot();
            current.len = in.readNBytes(current.in, 0, current.in.length);
            long counter = 0;
            while (current != null) {
                while (free.isEmpty() && slots == maxSlots) {
                    written += drain(pending.poll(), out, free);
                }
                if (free.isEmpty()) {
                    free.push(newSlot());
                    slots++;
                }
                // A full chunk may still be the last one: look ahead before choosing its nonce.
                Slot next = free.pop();
                next.len = current.len == current.in.length ? in.readNBytes(next.in, 0, next.in.length) : 0;
                current.endsStream = next.len == 0;
                current.chunks = current.endsStream ? Math.max(1, (current.len + inSize - 1) / inSize) : perTask;
                current.counter = counter;
                if (counter + current.chunks > StreamNonce.MAX_CHUNKS) {
                    throw new IOException("payload too large: more than 2^32 chunks of 64 KiB");
                }
                GcmWarmUp.atChunk(counter + current.chunks - 1);
                // a payload of one task (most datasets a run seals) is done here: threads would cost more
                boolean inline = workers == 1 || (counter == 0 && current.endsStream);
                if (!inline && pool == null) {
                    pool = Executors.newFixedThreadPool(workers, ChunkPipeline::daemon);
                }
                pending.add(submit(inline ? null : pool, gcms, current));
                read += current.len;
                counter += current.chunks;
                if (current.endsStream) {
                    free.push(next);
                    current = null;
                } else {
                    current = next;
                }
            }
            while (!pending.isEmpty()) {
                written += drain(pending.poll(), out, free);
            }
            return new Totals(read, written);
        } finally {
            if (pool != null) {
                pool.shutdownNow(); // on failure, chunks still in flight are dropped unwritten
            }
        }
    }

    private Slot newSlot() {
        return new Slot(new byte[perTask * inSize], new byte[perTask * outSize]);
    }

    private Pending submit(ExecutorService pool, ThreadLocal<Gcm> gcms, Slot slot) {
        FutureTask<Integer> task = new FutureTask<>(() -> {
            Gcm gcm = gcms.get();
            int outLen = 0;
            for (int i = 0; i < slot.chunks; i++) {
                int off = i * inSize;
                boolean last = slot.endsStream && i == slot.chunks - 1;
                try {
                    outLen += work.apply(gcm, slot.counter + i, last, slot.in, off, Math.min(inSize, slot.len - off),
                            slot.out, outLen);
                } catch (IOException e) {
                    slot.failure = e; // the chunks before this one are still written
                    break;
                }
            }
            return outLen;
        });
        if (pool == null) {
            task.run();
        } else {
            pool.execute(task);
        }
        return new Pending(slot, task);
    }

    /** Waits for the oldest task in flight, writes its output and frees its buffers; returns the bytes written. */
    private static int drain(Pending oldest, OutputStream out, ArrayDeque<Slot> free) throws IOException {
        int len;
        try {
            len = oldest.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a chunk", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
        out.write(oldest.slot.out, 0, len);
        if (oldest.slot.failure != null) {
            throw oldest.slot.failure;
        }
        free.push(oldest.slot);
        return len;
    }

    private static Thread daemon(Runnable r) {
        Thread thread = new Thread(r, "maml-chunk-worker");
        thread.setDaemon(true); // a failed run leaves nothing the JVM must wait for
        return thread;
    }

    /**
     * The buffers of one task in flight: {@code len} bytes read into {@code in}, making {@code chunks}
     * chunks from {@code counter} on; {@code endsStream} when its last chunk is the payload's.
     * Written by the calling thread before the task is submitted, {@code failure} by the task.
     */
    private static final class Slot {
        final byte[] in;
        final byte[] out;
        int len;
        int chunks;
        long counter;
        boolean endsStream;
        IOException failure;

        Slot(byte[] in, byte[] out) {
            this.in = in;
            this.out = out;
        }
    }

    private record Pending(Slot slot, Future<Integer> result) {
    }
}
