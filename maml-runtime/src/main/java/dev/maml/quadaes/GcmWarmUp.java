package dev.maml.quadaes;

import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gets the JDK's AES-GCM onto AES-NI and carry-less multiply early in a large payload. Java 17 runs
 * GCM's inner methods (CounterMode.implCrypt, GHASH.processBlocks) on those instructions only once C2
 * has compiled the methods themselves, which it does after a few thousand calls. A payload makes one
 * call per 64 KiB chunk, so left alone the first tens of MiB ran as plain Java at a few tens of MB/s
 * (most of a cold 256 MiB seal). Thousands of 16-byte updates under a throw-away key reach those call
 * counts in about 0.1 s of CPU. They run on a thread of their own, beside the payload: under C1 only
 * (bin/maml's choice for small payloads) they cannot help, and then they cost the payload no more
 * than a share of the other core. No secret is involved: the key is all zeros, the output dropped.
 */
final class GcmWarmUp {

    /**
     * As soon as a payload has a second chunk: started later (after 1 MiB) it more often came too late
     * for C2, which raises its thresholds while its queue is long, as it is during start-up.
     */
    static final long AFTER_CHUNKS = 1;
    /** A margin above HotSpot's Tier4InvocationThreshold (5000): the count that triggers a C2 compile. */
    private static final int CALLS = 20_000;

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private GcmWarmUp() {
    }

    /** Starts the warm-up once per JVM, when a payload reaches its {@link #AFTER_CHUNKS}th chunk (or a later one). */
    static void atChunk(long counter) {
        if (counter >= AFTER_CHUNKS && !STARTED.get() && STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(GcmWarmUp::run, "maml-gcm-warm-up");
            thread.setDaemon(true); // the JVM need not wait for it: it produces nothing
            thread.start();
        }
    }

    /** Whether this JVM has started warming up. */
    static boolean started() {
        return STARTED.get();
    }

    private static void run() {
        byte[] block = new byte[16];
        byte[] out = new byte[2 * block.length];
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[DataKey.BYTES], "AES"),
                    new GCMParameterSpec(Gcm.TAG_BYTES * 8, new byte[Gcm.NONCE_BYTES]));
            for (int i = 0; i < CALLS; i++) {
                cipher.update(block, 0, block.length, out, 0);
            }
            cipher.doFinal(out, 0);
        } catch (GeneralSecurityException e) {
            // Nothing to warm up; the payload's own cipher reports what is wrong.
        }
    }
}
