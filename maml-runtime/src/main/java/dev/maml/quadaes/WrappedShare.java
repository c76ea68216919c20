package dev.maml.quadaes;

/**
 * One head's Shamir share of the data key, AES-256-GCM-wrapped under that head's key.
 *
 * @param head   1..4; also the share's x-coordinate
 * @param epoch  the epoch of the head key it was wrapped under
 * @param nonce  12 random bytes
 * @param sealed the 32-byte share followed by the 16-byte tag
 */
record WrappedShare(int head, int epoch, byte[] nonce, byte[] sealed) {

    static final int SHARE_BYTES = DataKey.BYTES;
    static final int SEALED_BYTES = SHARE_BYTES + Gcm.TAG_BYTES;
    static final int SIZE = 1 + 4 + Gcm.NONCE_BYTES + SEALED_BYTES;
}
