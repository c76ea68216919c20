package dev.maml.quadaes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * The payload as a STREAM of AES-256-GCM chunks: 64 KiB of plaintext each (the last one shorter,
 * and empty only for an empty payload), each followed by its 16-byte tag, the preamble as AAD.
 * The chunks are encrypted and decrypted on all cores ({@link ChunkPipeline}); memory use is a few
 * chunk buffers per core whatever the payload size.
 */
final class PayloadCipher {

    static final int CHUNK_SIZE = 64 * 1024;
    static final int SEALED_CHUNK = CHUNK_SIZE + Gcm.TAG_BYTES;
    /** Chunks a worker takes at a time: fewer hand-overs between threads, 2 MiB of buffers on 2 cores. */
    static final int CHUNKS_PER_TASK = 4;

    private final SecretKey key;
    private final byte[] aad;
    private final byte[] prefix;
    private final int workers;

    PayloadCipher(byte[] dataKey, byte[] preambleBytes, byte[] noncePrefix) {
        this(dataKey, preambleBytes, noncePrefix, ChunkPipeline.defaultWorkers());
    }

    /** With {@code workers} threads doing the AES-GCM (1: the calling thread). */
    PayloadCipher(byte[] dataKey, byte[] preambleBytes, byte[] noncePrefix, int workers) {
        this.key = DataKey.aes(dataKey);
        this.aad = preambleBytes;
        this.prefix = noncePrefix;
        this.workers = workers;
    }

    /** Encrypts everything {@code in} holds; returns the number of plaintext bytes. */
    long encrypt(InputStream in, OutputStream out) throws IOException {
        return new ChunkPipeline(CHUNK_SIZE, SEALED_CHUNK, CHUNKS_PER_TASK, workers,
                (gcm, counter, last, plain, off, len, sealed, sealedOff) ->
                        gcm.encrypt(key, StreamNonce.of(prefix, counter, last), aad, plain, off, len, sealed, sealedOff))
                .run(in, out).read();
    }

    /**
     * Decrypts and authenticates the chunks of {@code in} into {@code out}; returns the plaintext
     * length. Plaintext of a chunk reaches {@code out} only after that chunk authenticated; callers
     * must still discard everything written when this throws (a later chunk may fail).
     *
     * @throws ContainerException when a chunk fails authentication or the stream ends early
     */
    long decrypt(InputStream in, OutputStream out, String name) throws IOException {
        return new ChunkPipeline(SEALED_CHUNK, CHUNK_SIZE, CHUNKS_PER_TASK, workers,
                (gcm, counter, last, sealed, off, len, plain, plainOff) -> {
            try {
                return gcm.decrypt(key, StreamNonce.of(prefix, counter, last), aad, sealed, off, len, plain, plainOff);
            } catch (AEADBadTagException e) {
                throw new ContainerException(name + ": payload chunk " + counter
                        + " failed authentication (the container is corrupt, truncated or tampered with)");
            }
        }).run(in, out).written();
    }
}
