package dev.maml.qkd;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * BB84 quantum key distribution, simulated on one machine (spec section 10.1; docs/qkd.md).
 *
 * <p>Every random choice (bits, bases, Eve, noise, measurement outcomes, samples, shuffles, hash
 * matrices) is drawn from the generator passed in, in a fixed order: the same seed gives the same
 * run. The key is exactly as unpredictable as that generator; the simulation adds no security.
 */
public final class Bb84 {

    private Bb84() {
    }

    /** What went over the quantum channel, as each party saw it. */
    private record Transmission(boolean[] aliceBits, boolean[] aliceDiagonal, boolean[] bobDiagonal,
                                boolean[] bobBits, int intercepted) {
    }

    /** Runs the protocol; use a {@link java.security.SecureRandom} unless a test needs a seed. */
    public static Bb84Result run(Bb84Parameters params, RandomGenerator rng) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(rng, "rng");
        Transmission tx = transmit(params, rng);
        Tally tally = new Tally(params.rawQubits(), tx.intercepted());

        // Sifting: bases are announced publicly, bits where they differ are dropped.
        int[] kept = sift(tx);
        tally.sifted = kept.length;

        // Error estimation: a random quarter of the sifted bits is disclosed, compared and discarded.
        Estimate estimate = estimate(tx, kept, rng);
        tally.sampled = estimate.sampled();
        double qber = estimate.qber();
        if (estimate.sampled() > 0) {
            tally.qber = OptionalDouble.of(qber);
        }
        if (qber > params.qberThreshold()) {
            return tally.aborted("sample", qber, params.qberThreshold());
        }
        boolean[] alice = estimate.alice();
        boolean[] bob = estimate.bob();
        int remaining = alice.length;
        if (remaining == 0) {
            return tally.tooFew(params.keyLength(), 0, KeyBudget.rawQubitsNeeded(params.keyLength(), qber,
                    Cascade.expectedLeakPerBit(qber)));
        }

        // Reconciliation: Bob corrects his own measured bits from Alice's disclosed parities.
        AliceParities parities = new AliceParities(alice);
        Cascade.Outcome reconciled = Cascade.reconcile(parities, bob, qber, rng);
        bob = reconciled.corrected();
        tally.errorsCorrected = reconciled.errorsCorrected();
        int cascadeLeak = parities.leaked();
        tally.leaked = cascadeLeak;
        double correctedRate = (double) reconciled.errorsCorrected() / remaining;
        if (correctedRate > params.qberThreshold()) {
            return tally.aborted("reconciliation", correctedRate, params.qberThreshold());
        }

        // Budget: the key plus at least the shortest verification tag must fit under the bound.
        double errorRate = Math.max(qber, correctedRate);
        OptionalInt tagBits = KeyBudget.tagBits(remaining, errorRate, cascadeLeak, params.keyLength());
        if (tagBits.isEmpty()) {
            int available = Math.max(0, KeyBudget.finalLengthBound(remaining, errorRate, cascadeLeak)
                    - KeyBudget.minTagBits(errorRate));
            double leakPerBit = Math.max((double) cascadeLeak / remaining, Cascade.expectedLeakPerBit(errorRate));
            return tally.tooFew(params.keyLength(), available,
                    KeyBudget.rawQubitsNeeded(params.keyLength(), errorRate, leakPerBit));
        }

        // Verification: compare a universal hash of both keys; a mismatch means Cascade left errors.
        Toeplitz check = Toeplitz.random(remaining, tagBits.getAsInt(), rng);
        tally.verificationBits = tagBits.getAsInt();
        tally.leaked += tagBits.getAsInt();
        if (!Arrays.equals(check.hash(alice), check.hash(bob))) {
            return tally.reconciliationFailed();
        }

        // Privacy amplification to the requested length, which the budget check above allows.
        Toeplitz amplify = Toeplitz.random(remaining, params.keyLength(), rng);
        tally.finalLength = params.keyLength();
        return new Bb84Result.Key(tally.stats(false, false), Bits.of(amplify.hash(alice)), Bits.of(amplify.hash(bob)));
    }

    /** Alice prepares, Eve may intercept and re-send, the fibre may flip, Bob measures. */
    private static Transmission transmit(Bb84Parameters params, RandomGenerator rng) {
        int n = params.rawQubits();
        boolean[] aliceBits = new boolean[n];
        boolean[] aliceDiagonal = new boolean[n];
        boolean[] bobDiagonal = new boolean[n];
        boolean[] bobBits = new boolean[n];
        int intercepted = 0;
        QuantumChannel channel = new QuantumChannel(rng);
        for (int i = 0; i < n; i++) {
            aliceBits[i] = rng.nextBoolean();
            aliceDiagonal[i] = rng.nextBoolean();
            bobDiagonal[i] = rng.nextBoolean();
            boolean bit = aliceBits[i];
            boolean diagonal = aliceDiagonal[i];
            if (rng.nextDouble() < params.eavesdropper()) {
                // Eve measures in a basis of her own and re-sends what she read, in that basis.
                boolean eveDiagonal = rng.nextBoolean();
                bit = channel.transmit(bit, diagonal, false, eveDiagonal);
                diagonal = eveDiagonal;
                intercepted++;
            }
            boolean flipped = rng.nextDouble() < params.channelNoise();
            bobBits[i] = channel.transmit(bit, diagonal, flipped, bobDiagonal[i]);
        }
        return new Transmission(aliceBits, aliceDiagonal, bobDiagonal, bobBits, intercepted);
    }

    /** What the disclosed sample showed, and Alice's and Bob's bits left after it. */
    private record Estimate(int sampled, int errors, boolean[] alice, boolean[] bob) {
        double qber() {
            return sampled == 0 ? 0 : (double) errors / sampled;
        }
    }

    private static Estimate estimate(Transmission tx, int[] kept, RandomGenerator rng) {
        int sampleSize = KeyBudget.sampleSize(kept.length);
        int[] order = Shuffle.permutation(kept.length, rng);
        int errors = 0;
        for (int i = 0; i < sampleSize; i++) {
            int pos = kept[order[i]];
            if (tx.aliceBits()[pos] != tx.bobBits()[pos]) {
                errors++;
            }
        }
        int[] rest = Arrays.copyOfRange(order, sampleSize, kept.length);
        Arrays.sort(rest); // keep the transmission order of the bits left
        boolean[] alice = new boolean[rest.length];
        boolean[] bob = new boolean[rest.length];
        for (int i = 0; i < rest.length; i++) {
            alice[i] = tx.aliceBits()[kept[rest[i]]];
            bob[i] = tx.bobBits()[kept[rest[i]]];
        }
        return new Estimate(sampleSize, errors, alice, bob);
    }

    private static int[] sift(Transmission tx) {
        int n = tx.aliceBits().length;
        int[] kept = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (tx.aliceDiagonal()[i] == tx.bobDiagonal()[i]) {
                kept[count++] = i;
            }
        }
        return Arrays.copyOf(kept, count);
    }

    /** The statistics as the run goes; each exit turns them into a {@link Bb84Stats}. */
    private static final class Tally {
        final int raw;
        final int intercepted;
        int sifted;
        int sampled;
        OptionalDouble qber = OptionalDouble.empty();
        int errorsCorrected;
        int leaked;
        int verificationBits;
        int finalLength;

        Tally(int raw, int intercepted) {
            this.raw = raw;
            this.intercepted = intercepted;
        }

        Bb84Stats stats(boolean aborted, boolean eveDetected) {
            return new Bb84Stats(raw, intercepted, sifted, sampled, qber, errorsCorrected, leaked, verificationBits,
                    finalLength,
                    aborted, eveDetected);
        }

        Bb84Result aborted(String stage, double rate, double threshold) {
            return new Bb84Result.Aborted(stats(true, true), stage, rate, threshold);
        }

        Bb84Result tooFew(int requested, int available, OptionalInt needed) {
            return new Bb84Result.TooFewQubits(stats(true, false), requested, available, needed);
        }

        Bb84Result reconciliationFailed() {
            return new Bb84Result.ReconciliationFailed(stats(true, false));
        }
    }
}
