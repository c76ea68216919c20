package dev.maml.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Lines for a writer, written by one thread of its own, as many at a time as are waiting. `maml
 * serve` logs a line per request: written by the request's thread, each line took the writer's lock
 * and made its own writes to standard error, and under load request threads queued on that lock
 * while their connections waited for the next request. Here a request thread only enqueues; the
 * writer takes everything queued, writes it in one go and flushes once. Lines keep their order.
 * When {@value #MAX_QUEUED} lines wait (standard error stalled), {@link #accept} waits too, so a
 * slow reader slows the server down instead of growing its memory; no line is dropped.
 * {@link #close()} writes what is queued before it returns; a line accepted after it is written at once.
 * <p>
 * After each write the writer rests for {@value #LINGER_MILLIS} ms, so a line waits that long at most
 * before it is written. Without the rest, at a few thousand requests a second nearly every line woke the
 * writer on its own (a futex wake from the request's thread, a context switch and a write(2) each):
 * under wrk on /lint that was about one of the 4.2 context switches per request (3.2 with the rest;
 * docs/performance.md). With it the writer wakes at most {@code 1000 / LINGER_MILLIS} times a second.
 */
final class BatchedLines implements Consumer<String>, AutoCloseable {

    private static final int MAX_QUEUED = 4096;
    private static final long LINGER_MILLIS = 10;
    /** Tells the writer to stop; compared by identity, so no line can be taken for it. */
    private static final String END = new String("end");

    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(MAX_QUEUED);
    private final PrintWriter out;
    private final Thread writer;
    private volatile boolean closed;

    /** Starts the writer thread, named {@code name}. */
    BatchedLines(PrintWriter out, String name) {
        this.out = out;
        writer = new Thread(this::write, name);
        writer.setDaemon(true); // a stop that never calls close() must not keep the JVM alive
        writer.start();
    }

    @Override
    public void accept(String line) {
        if (closed) {
            writeNow(List.of(line));
            return;
        }
        try {
            queue.put(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writeNow(List.of(line));
        }
    }

    /** Writes every line queued, then stops the writer. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(END);
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> left = new ArrayList<>();
        queue.drainTo(left);
        left.removeIf(BatchedLines::isEnd);
        writeNow(left);
    }

    private void write() {
        List<String> batch = new ArrayList<>();
        boolean end = false;
        while (!end) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return; // close() writes what is left
            }
            queue.drainTo(batch);
            end = batch.removeIf(BatchedLines::isEnd);
            writeNow(batch);
            batch.clear();
            if (!end) {
                try {
                    Thread.sleep(LINGER_MILLIS); // let the next lines gather: see the class comment
                } catch (InterruptedException e) {
                    return; // close() writes what is left
                }
            }
        }
    }

    /** The marker by identity: a logged line that reads "end" is a line like any other. */
    private static boolean isEnd(String line) {
        return line == END;
    }

    private void writeNow(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        out.print(text); // one write under the writer's lock: no other line lands inside these
        out.flush();
    }
}
