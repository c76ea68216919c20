package dev.maml.quadaes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
 * while the other waited; docs/performance.md, issue 15).
 *
 * <p>Chunk k's output is written only once chunk k's work returned, and nothing after a chunk whose
 * work threw: for unseal, no plaintext follows a chunk that failed authentication, as before. Memory
 * is a fixed number of chunk buffers, whatever the payload size.
 */
final class ChunkPipeline {

    /** The work on one chunk, run on a worker thread with that thread's own {@link Gcm}. */
    @FunctionalInterface
    interface ChunkWork {
        /** Transforms {@code in[0, len)} of chunk {@code counter} into {@code out}; returns the output length. */
        int apply(Gcm gcm, long counter, boolean last, byte[] in, int len, byte[] out) throws IOException;
    }

    /** Bytes read from the input and written to the output. */
    record Totals(long read, long written) {
    }

    /** Beyond a few cores the disk and the reading thread set the pace; more threads only cost memory. */
    static final int MAX_WORKERS = 8;

    private final int inSize;
    private final int outSize;
    private final int workers;
    private final ChunkWork work;

    /**
     * @param inSize  bytes per input chunk (a shorter read ends the stream)
     * @param outSize the largest output of one chunk
     * @param workers threads doing the work; 1 runs it on the calling thread
     */
    ChunkPipeline(int inSize, int outSize, int workers, ChunkWork work) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, not " + workers);
        }
        this.inSize = inSize;
        this.outSize = outSize;
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
     * the first chunk in order whose work failed; an IOException when the input has more chunks than
     * the 32-bit counter numbers.
     */
    Totals run(InputStream in, OutputStream out) throws IOException {
        ExecutorService pool = null; // made at the first chunk that is not the whole payload
        ThreadLocal<Gcm> gcms = ThreadLocal.withInitial(Gcm::new);
        // at most two chunks per worker in flight, plus the one being read and the look-ahead
        int maxSlots = 2 * workers + 2;
        int slots = 1;
        ArrayDeque<Slot> free = new ArrayDeque<>();
        ArrayDeque<Pending> pending = new ArrayDeque<>();
        long read = 0;
        long written = 0;
        try {
            Slot current = new Slot(new byte[inSize], new byte[outSize]);
            current.len = in.readNBytes(current.in, 0, inSize);
            for (long counter = 0; current != null; counter++) {
                while (free.isEmpty() && slots == maxSlots) {
                    written += drain(pending.poll(), out, free);
                }
                if (free.isEmpty()) {
                    free.push(new Slot(new byte[inSize], new byte[outSize]));
                    slots++;
                }
                // A full chunk may still be the last one: look ahead before choosing its nonce.
                Slot next = free.pop();
                next.len = current.len == inSize ? in.readNBytes(next.in, 0, inSize) : 0;
                boolean last = next.len == 0;
                if (counter >= StreamNonce.MAX_CHUNKS) {
                    throw new IOException("payload too large: more than 2^32 chunks of 64 KiB");
                }
                GcmWarmUp.atChunk(counter);
                // one chunk (most datasets a run seals) is done here: starting threads would cost more
                boolean inline = workers == 1 || (counter == 0 && last);
                if (!inline && pool == null) {
                    pool = Executors.newFixedThreadPool(workers, ChunkPipeline::daemon);
                }
                pending.add(submit(inline ? null : pool, gcms, current, counter, last));
                read += current.len;
                if (last) {
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

    private Pending submit(ExecutorService pool, ThreadLocal<Gcm> gcms, Slot slot, long counter, boolean last) {
        FutureTask<Integer> task = new FutureTask<>(() -> {
            try {
                return work.apply(gcms.get(), counter, last, slot.in, slot.len, slot.out);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // unwrapped again in drain
            }
        });
        if (pool == null) {
            task.run();
        } else {
            pool.execute(task);
        }
        return new Pending(slot, task);
    }

    /** Waits for the oldest chunk in flight, writes its output and frees its buffers; returns the bytes written. */
    private static int drain(Pending oldest, OutputStream out, ArrayDeque<Slot> free) throws IOException {
        int len;
        try {
            len = oldest.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a chunk", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
        out.write(oldest.slot.out, 0, len);
        free.push(oldest.slot);
        return len;
    }

    private static Thread daemon(Runnable r) {
        Thread thread = new Thread(r, "maml-chunk-worker");
        thread.setDaemon(true); // a failed run leaves nothing the JVM must wait for
        return thread;
    }

    /** The buffers of one chunk in flight; {@code len} is how much of {@code in} the read filled. */
    private static final class Slot {
        final byte[] in;
        final byte[] out;
        int len;

        Slot(byte[] in, byte[] out) {
            this.in = in;
            this.out = out;
        }
    }

    private record Pending(Slot slot, Future<Integer> result) {
    }
}
