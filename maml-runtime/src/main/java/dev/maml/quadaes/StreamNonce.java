package dev.maml.quadaes;

/**
 * STREAM nonces (Hoang, Reyhanitabar, Rogaway, Vizár 2015; the shape age and Tink use): a random
 * 7-byte prefix, a 32-bit big-endian chunk counter and a last-chunk flag byte. A distinct nonce per
 * (counter, last) pair is what turns per-chunk GCM into an authenticated stream: dropping, reordering
 * or swapping chunks, or cutting the stream at a chunk boundary, makes some chunk fail authentication.
 */
final class StreamNonce {

    static final int PREFIX_BYTES = 7;
    /** The counter is 32 bits wide. */
    static final long MAX_CHUNKS = 1L << 32;

    private StreamNonce() {
    }

    static byte[] of(byte[] prefix, long counter, boolean last) {
        if (prefix.length != PREFIX_BYTES) {
            throw new IllegalArgumentException("nonce prefix must be " + PREFIX_BYTES + " bytes");
        }
        if (counter < 0 || counter >= MAX_CHUNKS) {
            throw new IllegalArgumentException("chunk counter out of range: " + counter);
        }
        byte[] nonce = new byte[Gcm.NONCE_BYTES];
        System.arraycopy(prefix, 0, nonce, 0, PREFIX_BYTES);
        nonce[7] = (byte) (counter >>> 24);
        nonce[8] = (byte) (counter >>> 16);
        nonce[9] = (byte) (counter >>> 8);
        nonce[10] = (byte) counter;
        nonce[11] = (byte) (last ? 1 : 0);
        return nonce;
    }
}
