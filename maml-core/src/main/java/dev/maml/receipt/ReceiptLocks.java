package dev.maml.receipt;

import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per receipt directory, within this process: a fixed set of stripes, so a server that
 * writes into many directories holds a bounded number of locks (two directories may share one and
 * only wait for each other).
 */
final class ReceiptLocks {

    private static final ReentrantLock[] STRIPES = new ReentrantLock[64];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new ReentrantLock();
        }
    }

    private ReceiptLocks() {
    }

    /** @param dir an absolute, normalised directory */
    static ReentrantLock of(Path dir) {
        return STRIPES[Math.floorMod(dir.hashCode(), STRIPES.length)];
    }
}
