package dev.maml.qkd;

/**
 * Alice's side of the public channel during reconciliation: she answers parity questions about her
 * key, and every answer is a bit Eve hears. Bob's side only ever sees Alice's key through this, so
 * the leak count is complete by construction.
 */
final class AliceParities {

    private final boolean[] key;
    private int answered;

    AliceParities(boolean[] key) {
        this.key = key.clone();
    }

    int length() {
        return key.length;
    }

    /** The parity of Alice's bits at {@code positions[from..to)}; costs one leaked bit. */
    boolean parity(int[] positions, int from, int to) {
        answered++;
        return Cascade.parity(key, positions, from, to);
    }

    /** Bits disclosed so far. */
    int leaked() {
        return answered;
    }
}
