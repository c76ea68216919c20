package dev.maml.quadaes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * The payload as a STREAM of AES-256-GCM chunks: 64 KiB of plaintext each (the last one shorter,
 * and empty only for an empty payload), each followed by its 16-byte tag, the preamble as AAD.
 * Memory use is two chunk buffers whatever the payload size.
 */
final class PayloadCipher {

    static final int CHUNK_SIZE = 64 * 1024;
    static final int SEALED_CHUNK = CHUNK_SIZE + Gcm.TAG_BYTES;

    private final Gcm gcm;
    private final SecretKey key;
    private final byte[] aad;
    private final byte[] prefix;

    PayloadCipher(Gcm gcm, byte[] dataKey, byte[] preambleBytes, byte[] noncePrefix) {
        this.gcm = gcm;
        this.key = DataKey.aes(dataKey);
        this.aad = preambleBytes;
        this.prefix = noncePrefix;
    }

    /** Encrypts everything {@code in} holds; returns the number of plaintext bytes. */
    long encrypt(InputStream in, OutputStream out) throws IOException {
        byte[] current = new byte[CHUNK_SIZE];
        byte[] next = new byte[CHUNK_SIZE];
        byte[] sealed = new byte[SEALED_CHUNK];
        int n = in.readNBytes(current, 0, CHUNK_SIZE);
        long total = 0;
        for (long counter = 0; ; counter++) {
            checkCounter(counter);
            GcmWarmUp.atChunk(counter);
            // A full chunk may still be the last one: look ahead before choosing its nonce.
            int m = n == CHUNK_SIZE ? in.readNBytes(next, 0, CHUNK_SIZE) : 0;
            boolean last = m == 0;
            int len = gcm.encrypt(key, StreamNonce.of(prefix, counter, last), aad, current, 0, n, sealed, 0);
            out.write(sealed, 0, len);
            total += n;
            if (last) {
                return total;
            }
            byte[] swap = current;
            current = next;
            next = swap;
            n = m;
        }
    }

    /**
     * Decrypts and authenticates the chunks of {@code in} into {@code out}; returns the plaintext
     * length. Plaintext of a chunk reaches {@code out} only after that chunk authenticated; callers
     * must still discard everything written when this throws (a later chunk may fail).
     *
     * @throws ContainerException when a chunk fails authentication or the stream ends early
     */
    long decrypt(InputStream in, OutputStream out, String name) throws IOException {
        byte[] current = new byte[SEALED_CHUNK];
        byte[] next = new byte[SEALED_CHUNK];
        byte[] plain = new byte[CHUNK_SIZE];
        int n = in.readNBytes(current, 0, SEALED_CHUNK);
        long total = 0;
        for (long counter = 0; ; counter++) {
            checkCounter(counter);
            GcmWarmUp.atChunk(counter);
            int m = n == SEALED_CHUNK ? in.readNBytes(next, 0, SEALED_CHUNK) : 0;
            boolean last = m == 0;
            try {
                int len = gcm.decrypt(key, StreamNonce.of(prefix, counter, last), aad, current, 0, n, plain, 0);
                out.write(plain, 0, len);
                total += len;
            } catch (AEADBadTagException e) {
                throw new ContainerException(name + ": payload chunk " + counter
                        + " failed authentication (the container is corrupt, truncated or tampered with)");
            }
            if (last) {
                return total;
            }
            byte[] swap = current;
            current = next;
            next = swap;
            n = m;
        }
    }

    private static void checkCounter(long counter) throws IOException {
        if (counter >= StreamNonce.MAX_CHUNKS) {
            throw new IOException("payload too large: more than 2^32 chunks of 64 KiB");
        }
    }
}
