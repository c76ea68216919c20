package dev.maml.quadaes;

import javax.crypto.SecretKey;

/**
 * One head of a keyring: 32 random bytes and the epoch rotation increments.
 *
 * @param head  1..4
 * @param epoch 1 for a new keyring, +1 per rotation
 */
public record HeadKey(int head, int epoch, byte[] key) {

    public HeadKey {
        if (head < 1 || head > Keyring.HEADS || epoch < 1 || key.length != DataKey.BYTES) {
            throw new IllegalArgumentException("bad head key " + head + " epoch " + epoch);
        }
        key = key.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    SecretKey secretKey() {
        return DataKey.aes(key);
    }

    @Override
    public String toString() {
        return "HeadKey[head=" + head + ", epoch=" + epoch + "]";
    }
}
