package dev.maml.qkd;

import java.util.OptionalInt;

/**
 * The bit accounting of a run: how many sifted bits are disclosed to estimate the error rate, and
 * how long a final key the rest can honestly give (docs/qkd.md, "How long the final key may be").
 *
 * <p>The bound is the textbook asymptotic one for BB84 with one-way post-processing,
 * {@code ℓ ≤ ⌊m·(1 − h(q))⌋ − leaked − margin}: of the m bits left after sampling, Eve may know
 * {@code m·h(q)} from her disturbance at error rate q, plus everything said during reconciliation
 * and verification. It uses the measured q, not a finite-size confidence bound; a finite-size
 * analysis would need thousands of qubits for any key at all.
 */
final class KeyBudget {

    /** A quarter of the sifted bits is disclosed to estimate the error rate. */
    static final double SAMPLE_FRACTION = 0.25;

    /**
     * Length bounds of the Toeplitz tag Alice and Bob compare after reconciliation: keys that still
     * differ pass unnoticed with probability 2^-length. The tag takes whatever the budget spares
     * beyond the requested key, within these bounds. Where errors were seen (in the sample or by
     * reconciliation) errors may also be left, so the tag must be longer there.
     */
    static final int MIN_TAG_BITS = 8;
    static final int MIN_TAG_BITS_AFTER_ERRORS = 16;
    static final int MAX_TAG_BITS = 32;

    /**
     * Bits given up beyond Eve's estimated knowledge; in leftover-hash-lemma terms 2·log2(1/ε) with
     * ε = 2^-4. Small on purpose, so that the spec's defaults (128 qubits, a 16-bit key) get a key.
     */
    static final int SECURITY_MARGIN_BITS = 8;

    /** Sifted bits within 3 standard deviations below their mean when sizing a suggestion. */
    private static final double SIFTING_SIGMAS = 3;

    private KeyBudget() {
    }

    static int sampleSize(int sifted) {
        return (int) Math.ceil(sifted * SAMPLE_FRACTION);
    }

    /** ℓ_max = ⌊m·(1 − h(q))⌋ − leaked − margin, or 0 when that is negative. */
    static int finalLengthBound(int remaining, double errorRate, int leaked) {
        long secret = (long) Math.floor(remaining * (1 - binaryEntropy(errorRate)));
        return (int) Math.max(0, secret - leaked - SECURITY_MARGIN_BITS);
    }

    /** The shortest acceptable tag: longer once any error was seen (error rate above 0). */
    static int minTagBits(double errorRate) {
        return errorRate > 0 ? MIN_TAG_BITS_AFTER_ERRORS : MIN_TAG_BITS;
    }

    /**
     * The verification tag length for a key of {@code keyLength} bits once reconciliation disclosed
     * {@code reconciliationLeak} bits: the bits the bound spares, capped at {@link #MAX_TAG_BITS};
     * empty when fewer than {@link #minTagBits} are spare (the key cannot be had).
     */
    static OptionalInt tagBits(int remaining, double errorRate, int reconciliationLeak, int keyLength) {
        long spare = (long) finalLengthBound(remaining, errorRate, reconciliationLeak) - keyLength;
        return spare < minTagBits(errorRate) ? OptionalInt.empty() : OptionalInt.of((int) Math.min(MAX_TAG_BITS, spare));
    }

    /**
     * Raw qubits that would give {@code keyLength} bits at this error rate and reconciliation cost
     * per bit, with sifting allowed to fall 3σ short of its mean; empty when the error rate leaves
     * nothing to distil at any length.
     */
    static OptionalInt rawQubitsNeeded(int keyLength, double errorRate, double reconciliationLeakPerBit) {
        double yield = 1 - binaryEntropy(errorRate) - reconciliationLeakPerBit;
        if (yield <= 0) {
            return OptionalInt.empty();
        }
        long remaining = (long) Math.ceil((keyLength + minTagBits(errorRate) + SECURITY_MARGIN_BITS) / yield);
        long sifted = remaining;
        while (sifted - (long) Math.ceil(sifted * SAMPLE_FRACTION) < remaining) {
            sifted++;
        }
        // smallest N with N/2 - (σ-count)·√N/2 ≥ sifted, i.e. √N the positive root of x²/2 - 1.5x - sifted
        double half = SIFTING_SIGMAS / 2;
        double root = half + Math.sqrt(half * half + 2.0 * sifted);
        long raw = (long) Math.ceil(root * root);
        return raw > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) raw);
    }

    /** h(p) = −p·log2 p − (1−p)·log2(1−p), the information per bit Eve may hold at error rate p. */
    static double binaryEntropy(double p) {
        if (p <= 0 || p >= 1) {
            return 0;
        }
        return -(p * log2(p) + (1 - p) * log2(1 - p));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
