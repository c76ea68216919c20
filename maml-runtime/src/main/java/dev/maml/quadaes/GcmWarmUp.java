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
 * call per 64 KiB chunk, so left alone the first ~40 MiB ran as plain Java at a few tens of MB/s (a
 * cold 256 MiB seal spent most of its time there). Thousands of 16-byte updates under a throw-away
 * key reach the same call counts in about 0.1 s of CPU. No secret is involved: the key is all zeros
 * and the output is dropped.
 */
final class GcmWarmUp {

    /** Payloads up to 1 MiB finish sooner without it. */
    static final long AFTER_CHUNKS = 16;
    /** A margin above HotSpot's Tier4InvocationThreshold (5000): the count that triggers a C2 compile. */
    private static final int CALLS = 20_000;

    private static final AtomicBoolean RAN = new AtomicBoolean();

    private GcmWarmUp() {
    }

    /** Warms up once per JVM, when a payload reaches its {@link #AFTER_CHUNKS}th chunk. */
    static void atChunk(long counter) {
        if (counter == AFTER_CHUNKS && RAN.compareAndSet(false, true)) {
            run();
        }
    }

    /** Whether this JVM has warmed up. */
    static boolean ran() {
        return RAN.get();
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
            throw new IllegalStateException("the JDK provides no AES/GCM", e);
        }
    }
}
