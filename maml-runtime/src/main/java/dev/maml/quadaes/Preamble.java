package dev.maml.quadaes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The immutable first 72 bytes of a container (docs/quad-aes.md): what never changes after sealing,
 * so it can be the AAD of every payload chunk while the head table is rewritten by rotation.
 *
 * @param threshold   shares needed to rebuild the data key (2..4)
 * @param chunkSize   plaintext bytes per chunk
 * @param keyringId   16 bytes naming the keyring the container was sealed for
 * @param noncePrefix the 7 random bytes that start every chunk nonce
 * @param commitment  SHA3-256 commitment to the data key (see {@link DataKey#commitment})
 */
record Preamble(int threshold, int chunkSize, byte[] keyringId, byte[] noncePrefix, byte[] commitment) {

    static final byte[] MAGIC = "MAMLQAES".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int SIZE = 72;
    static final int ID_BYTES = 16;
    static final int COMMITMENT_BYTES = 32;

    Preamble {
        if (threshold < 2 || threshold > Keyring.HEADS) {
            throw new IllegalArgumentException("threshold must be 2.." + Keyring.HEADS + ", not " + threshold);
        }
    }

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(SIZE);
        b.put(MAGIC).put((byte) VERSION).put((byte) threshold).put((byte) Keyring.HEADS).put((byte) 0);
        b.putInt(chunkSize).put(keyringId).put(noncePrefix).put((byte) 0).put(commitment);
        return b.array();
    }

    /**
     * @throws NotAContainerException for a wrong magic or an unknown version
     * @throws ContainerException     for a known header whose fields are out of range
     */
    static Preamble decode(byte[] bytes, String name) throws NotAContainerException, ContainerException {
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new NotAContainerException(name + ": not a quad-aes-256-gcm container (no MAMLQAES magic)");
        }
        if (bytes.length < SIZE) {
            throw new ContainerException(name + ": truncated container header");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, MAGIC.length, SIZE - MAGIC.length);
        int version = Byte.toUnsignedInt(b.get());
        if (version != VERSION) {
            throw new NotAContainerException(name + ": quad-aes container version " + version
                    + " is not supported (this build reads version " + VERSION + ")");
        }
        int threshold = Byte.toUnsignedInt(b.get());
        int heads = Byte.toUnsignedInt(b.get());
        int reserved = Byte.toUnsignedInt(b.get());
        int chunkSize = b.getInt();
        byte[] keyringId = take(b, ID_BYTES);
        byte[] prefix = take(b, StreamNonce.PREFIX_BYTES);
        int reserved2 = Byte.toUnsignedInt(b.get());
        byte[] commitment = take(b, COMMITMENT_BYTES);
        if (heads != Keyring.HEADS || threshold < 2 || threshold > heads || reserved != 0 || reserved2 != 0
                || chunkSize != PayloadCipher.CHUNK_SIZE) {
            throw new ContainerException(name + ": corrupt container header (heads " + heads + ", threshold "
                    + threshold + ", chunk size " + chunkSize + ")");
        }
        return new Preamble(threshold, chunkSize, keyringId, prefix, commitment);
    }

    private static byte[] take(ByteBuffer b, int n) {
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }
}
