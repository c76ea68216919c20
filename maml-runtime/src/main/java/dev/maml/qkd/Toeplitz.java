package dev.maml.qkd;

import java.util.random.RandomGenerator;

/**
 * Toeplitz hashing over GF(2): {@code out = T · x} with T an {@code outLength × x.length} Toeplitz
 * matrix given by {@code x.length + outLength - 1} public random bits. The family is 2-universal,
 * which is what the leftover hash lemma needs for privacy amplification and what makes the
 * key-verification tags collide with probability 2^-outLength.
 */
final class Toeplitz {

    private final boolean[] diagonals;
    private final int inLength;
    private final int outLength;

    private Toeplitz(boolean[] diagonals, int inLength, int outLength) {
        this.diagonals = diagonals;
        this.inLength = inLength;
        this.outLength = outLength;
    }

    /** A matrix drawn with public randomness; both parties use the same one. */
    static Toeplitz random(int inLength, int outLength, RandomGenerator rng) {
        boolean[] diagonals = new boolean[inLength + outLength - 1];
        for (int i = 0; i < diagonals.length; i++) {
            diagonals[i] = rng.nextBoolean();
        }
        return of(diagonals, inLength, outLength);
    }

    /** T[i][j] = diagonals[i - j + inLength - 1]: constant along each diagonal. */
    static Toeplitz of(boolean[] diagonals, int inLength, int outLength) {
        if (inLength < 1 || outLength < 1 || diagonals.length != inLength + outLength - 1) {
            throw new IllegalArgumentException("a " + outLength + "x" + inLength + " Toeplitz matrix needs "
                    + (inLength + outLength - 1) + " bits, got " + diagonals.length);
        }
        return new Toeplitz(diagonals.clone(), inLength, outLength);
    }

    boolean[] hash(boolean[] x) {
        if (x.length != inLength) {
            throw new IllegalArgumentException("input has " + x.length + " bits, the matrix takes " + inLength);
        }
        boolean[] out = new boolean[outLength];
        for (int i = 0; i < outLength; i++) {
            boolean bit = false;
            for (int j = 0; j < inLength; j++) {
                bit ^= x[j] && diagonals[i - j + inLength - 1];
            }
            out[i] = bit;
        }
        return out;
    }
}
