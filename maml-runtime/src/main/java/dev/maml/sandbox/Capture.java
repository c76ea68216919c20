package dev.maml.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Keeps a bounded part of a stream: its first or its last {@code capacity} bytes, never more. */
abstract sealed class Capture {

    private long total;

    static Capture head(int capacity) {
        return new Head(capacity);
    }

    static Capture tail(int capacity) {
        return new Tail(capacity);
    }

    final synchronized void accept(byte[] bytes, int length) {
        total += length;
        keep(bytes, length);
    }

    final synchronized long total() {
        return total;
    }

    final synchronized boolean truncated() {
        return total > capacity();
    }

    abstract int capacity();

    abstract void keep(byte[] bytes, int length);

    abstract byte[] kept();

    final synchronized byte[] bytes() {
        return kept();
    }

    /** The kept bytes as UTF-8 text; malformed sequences become U+FFFD. */
    final String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    private static final class Head extends Capture {
        private final int capacity;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        Head(int capacity) {
            this.capacity = capacity;
        }

        @Override
        int capacity() {
            return capacity;
        }

        @Override
        void keep(byte[] bytes, int length) {
            kept.write(bytes, 0, Math.min(length, capacity - kept.size()));
        }

        @Override
        byte[] kept() {
            return kept.toByteArray();
        }
    }

    /** A ring buffer; the oldest bytes are overwritten. */
    private static final class Tail extends Capture {
        private final byte[] ring;
        private int next;
        private boolean wrapped;

        Tail(int capacity) {
            ring = new byte[capacity];
        }

        @Override
        int capacity() {
            return ring.length;
        }

        @Override
        void keep(byte[] bytes, int length) {
            int from = Math.max(0, length - ring.length);
            for (int i = from; i < length; i++) {
                ring[next] = bytes[i];
                next = (next + 1) % ring.length;
                wrapped |= next == 0;
            }
        }

        @Override
        byte[] kept() {
            if (!wrapped) {
                return Arrays.copyOf(ring, next);
            }
            byte[] out = new byte[ring.length];
            System.arraycopy(ring, next, out, 0, ring.length - next);
            System.arraycopy(ring, 0, out, ring.length - next, next);
            // A tail cut inside a UTF-8 sequence starts with continuation bytes: drop them.
            int start = 0;
            while (start < out.length && start < 3 && (out[start] & 0xC0) == 0x80) {
                start++;
            }
            return Arrays.copyOfRange(out, start, out.length);
        }
    }
}
