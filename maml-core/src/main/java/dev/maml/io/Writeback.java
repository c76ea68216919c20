package dev.maml.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Starts the disk writes of a large file while it is still being written, so that the fsync before
 * its rename has little left to do. The kernel here only writes dirty pages back on its own once they
 * are gigabytes or 30 s old, so a 256 MiB container went to disk all at once in the final fsync
 * (90-140 ms of a cold seal, docs/performance.md, issue 15). Every {@link #STEP} bytes written
 * through this stream, a background thread forces the file's data to disk unless the previous force
 * is still running; the writing thread never waits for one until {@link #finish}.
 *
 * <p>A background force that fails fails the write: the writing thread throws its exception at its
 * next write or at {@link #finish}, before the caller's final force and rename. {@link #finish}
 * (also on a failed write, before the channel is closed) waits for the force in flight.
 */
final class Writeback extends FilterOutputStream {

    /** Data forced in the background this often; smaller files never start a thread. */
    static final long STEP = 8L << 20;

    /** Forces the file's data (not its metadata) to disk: {@code channel.force(false)}. */
    @FunctionalInterface
    interface Force {
        void run() throws IOException;
    }

    private final Force force;
    private final long step;
    private long sinceForce;
    private FutureTask<Void> running;

    /** @param out the stream onto the file's channel (unbuffered: every byte counted is in the kernel's hands) */
    Writeback(OutputStream out, Force force, long step) {
        super(out);
        this.force = force;
        this.step = step;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        wrote(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len); // FilterOutputStream would write byte by byte
        wrote(len);
    }

    private void wrote(long n) throws IOException {
        sinceForce += n;
        if (sinceForce < step) {
            return;
        }
        if (running != null) {
            if (!running.isDone()) {
                return; // the disk is behind: the next write asks again
            }
            FutureTask<Void> done = running;
            running = null; // reported here, not again by finish
            report(done);
        }
        sinceForce = 0;
        running = new FutureTask<>(() -> {
            force.run();
            return null;
        });
        Thread thread = new Thread(running, "maml-writeback");
        thread.setDaemon(true); // joined by finish; daemon so a failed caller can never keep the JVM up
        thread.start();
    }

    /**
     * Waits for the background force in flight, if any, and throws what it threw. Call before the
     * final force and, on every path, before the channel is closed.
     */
    void finish() throws IOException {
        FutureTask<Void> last = running;
        running = null;
        if (last == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                last.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the force cannot be stopped; closing the channel under it must wait
            } catch (ExecutionException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while forcing the file to disk");
        }
        report(last);
    }

    /** Throws what a finished background force threw. */
    private static void report(FutureTask<Void> done) throws IOException {
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new IOException("forcing the file to disk failed: " + io.getMessage(), io);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
