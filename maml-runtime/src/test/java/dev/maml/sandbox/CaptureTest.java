package dev.maml.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CaptureTest {

    @Property
    void headKeepsTheFirstBytesAndTailTheLast(@ForAll @Size(max = 20) List<@Size(max = 50) byte[]> chunks,
                                              @ForAll @IntRange(min = 1, max = 64) int capacity) {
        Capture head = Capture.head(capacity);
        Capture tail = Capture.tail(capacity);
        byte[] all = new byte[0];
        for (byte[] chunk : chunks) {
            head.accept(chunk, chunk.length);
            tail.accept(chunk, chunk.length);
            byte[] grown = Arrays.copyOf(all, all.length + chunk.length);
            System.arraycopy(chunk, 0, grown, all.length, chunk.length);
            all = grown;
        }
        int kept = Math.min(capacity, all.length);
        assertArrayEquals(Arrays.copyOfRange(all, 0, kept), head.bytes());
        byte[] expectedTail = Arrays.copyOfRange(all, all.length - kept, all.length);
        byte[] actualTail = tail.bytes();
        // the tail may drop up to three leading UTF-8 continuation bytes (0x80-0xBF), nothing else
        int dropped = expectedTail.length - actualTail.length;
        assertTrue(dropped >= 0 && dropped <= 3, "dropped " + dropped);
        assertArrayEquals(Arrays.copyOfRange(expectedTail, dropped, expectedTail.length), actualTail);
        for (int i = 0; i < dropped; i++) {
            assertEquals(0x80, expectedTail[i] & 0xC0);
        }
        assertEquals(all.length, head.total());
        assertEquals(all.length > capacity, tail.truncated());
    }

    @Test
    void tailNeverStartsInsideACharacter() {
        Capture tail = Capture.tail(5);
        byte[] text = "ab€€".getBytes(StandardCharsets.UTF_8); // € is three bytes
        tail.accept(text, text.length);
        assertEquals("€", tail.text().substring(tail.text().length() - 1));
        assertFalse(tail.text().contains("\uFFFD"), tail.text());
    }

    @Test
    void drainReadsToTheEndAndReportsOverflowOnce() {
        byte[] data = new byte[300_000];
        Arrays.fill(data, (byte) 'x');
        Capture capture = Capture.head(1000);
        AtomicInteger overflows = new AtomicInteger();
        new Drain(new ByteArrayInputStream(data), capture, 100_000, overflows::incrementAndGet).run();
        assertEquals(1, overflows.get());
        assertEquals(300_000, capture.total(), "reading goes on after the overflow so the writer never blocks");
        assertEquals(1000, capture.bytes().length);
    }

    @Test
    void drainWithinTheLimitDoesNotOverflow() {
        Capture capture = Capture.head(10);
        AtomicInteger overflows = new AtomicInteger();
        new Drain(new ByteArrayInputStream(new byte[10]), capture, 10, overflows::incrementAndGet).run();
        assertEquals(0, overflows.get());
    }
}
