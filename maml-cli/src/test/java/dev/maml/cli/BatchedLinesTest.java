package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The request log's writer: every line written, whole and in each thread's order, by the time close() returns. */
class BatchedLinesTest {

    @Test
    void everyLineOfEveryThreadIsWrittenWholeAndInOrderBeforeCloseReturns() throws InterruptedException {
        StringWriter text = new StringWriter();
        BatchedLines lines = new BatchedLines(new PrintWriter(text), "test-log");
        int threads = 4;
        int each = 5_000; // more than the queue holds: writers wait for the writer, nothing is dropped
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread writer = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    lines.accept("thread " + id + " line " + i);
                }
            });
            writers.add(writer);
            writer.start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
        lines.close();
        lines.accept("after close");

        List<String> written = text.toString().lines().toList();
        assertEquals(threads * each + 1, written.size());
        int[] next = new int[threads];
        for (String line : written.subList(0, written.size() - 1)) {
            String[] words = line.split(" ");
            int id = Integer.parseInt(words[1]);
            assertEquals("thread " + id + " line " + next[id], line, "whole lines, in each thread's order");
            next[id]++;
        }
        assertEquals("after close", written.get(written.size() - 1));
    }

    /** The writer rests between writes, but a line never waits for close(): it is written while the log stays open. */
    @Test
    void aLineIsWrittenWithoutWaitingForClose() throws InterruptedException {
        StringWriter text = new StringWriter();
        BatchedLines lines = new BatchedLines(new PrintWriter(text), "test-log");
        try {
            for (String line : List.of("first", "second")) {
                lines.accept(line);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!text.toString().lines().toList().contains(line)) {
                    assertTrue(System.nanoTime() < deadline, "not written while open: " + line);
                    Thread.sleep(1);
                }
            }
        } finally {
            lines.close();
        }
        assertEquals(List.of("first", "second"), text.toString().lines().toList());
    }

    /** The writer's stop marker reads "end"; a line that reads the same is written, and so is what follows it. */
    @Test
    void aLineThatReadsLikeTheStopMarkerIsWrittenAndTheWriterGoesOn() {
        StringWriter text = new StringWriter();
        BatchedLines lines = new BatchedLines(new PrintWriter(text), "test-log");
        lines.accept("end");
        lines.accept("after it");
        lines.close();
        assertEquals(List.of("end", "after it"), text.toString().lines().toList());
    }
}
