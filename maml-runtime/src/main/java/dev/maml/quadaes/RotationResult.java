package dev.maml.quadaes;

/**
 * @param freshKey   a new head key was generated; false when the keyring's key for the head was
 *                   already newer than the container's (rotated for another container) and was reused
 * @param generation the head table's new generation
 * @param before     the heads as they were before rotation
 */
public record RotationResult(int head, int oldEpoch, int newEpoch, boolean freshKey, long generation,
                             HeadsReport before) {
}
