package dev.maml.quadaes;

/**
 * @param keyId          the first 8 bytes of the data-key commitment, in hex: names the data key without revealing it
 * @param plaintextBytes payload length
 */
public record SealResult(String keyId, int threshold, long plaintextBytes) {
}
