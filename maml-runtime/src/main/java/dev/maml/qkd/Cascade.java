package dev.maml.qkd;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.random.RandomGenerator;

/**
 * Cascade error reconciliation (Brassard and Salvail, 1993): Bob corrects his key towards Alice's
 * from parities she discloses. Each pass shuffles the positions (the permutation is public), cuts
 * them into blocks, compares block parities and binary-searches every block whose parities differ.
 * A bit fixed in a later pass changes the parity of its blocks in the earlier passes; those blocks
 * are searched again (the "cascade"), which is how pairs of errors hidden in one block surface.
 */
final class Cascade {

    static final int PASSES = 4;

    /**
     * Error rate assumed for sizing blocks when the sample saw fewer errors: the sample is small,
     * and blocks sized for a zero error rate would be the whole key, which only catches odd error counts.
     */
    static final double ERROR_RATE_FLOOR = 0.02;

    /** Bob's key after reconciliation, and how many of his bits he flipped. */
    record Outcome(boolean[] corrected, int errorsCorrected) {
    }

    private final AliceParities alice;
    private final boolean[] bob;
    private final int[][][] blocks = new int[PASSES][][];
    private final int[][] blockOf = new int[PASSES][];
    private final Boolean[][] aliceParity = new Boolean[PASSES][];
    private int passesDone;
    private int errorsCorrected;

    private Cascade(AliceParities alice, boolean[] bob) {
        this.alice = alice;
        this.bob = bob.clone();
    }

    /** Reconciles {@code bob} with Alice's key; the shuffles come from {@code rng} (public randomness). */
    static Outcome reconcile(AliceParities alice, boolean[] bob, double estimatedErrorRate, RandomGenerator rng) {
        if (alice.length() != bob.length) {
            throw new IllegalArgumentException("keys differ in length: " + alice.length() + " and " + bob.length);
        }
        Cascade cascade = new Cascade(alice, bob);
        int size = firstBlockSize(estimatedErrorRate, bob.length);
        for (int pass = 0; pass < PASSES; pass++, size *= 2) {
            // After pass 0 a single block would ask the parity of the whole key again: nothing new to learn.
            if (pass > 0 && size >= bob.length) {
                break;
            }
            cascade.runPass(pass, size, rng);
        }
        return new Outcome(cascade.bob, cascade.errorsCorrected);
    }

    /** Cascade's classic first block size, 0.73 / error rate, so that a block holds about one error at most. */
    static int firstBlockSize(double estimatedErrorRate, int keyLength) {
        double rate = Math.max(estimatedErrorRate, ERROR_RATE_FLOOR);
        int size = (int) Math.ceil(0.73 / rate);
        return Math.max(1, Math.min(size, keyLength));
    }

    /**
     * Parities disclosed per key bit when reconciling at this error rate, for sizing suggestions:
     * one per block in each pass, plus one binary search (about log2 of the block size) per error.
     */
    static double expectedLeakPerBit(double errorRate) {
        int first = firstBlockSize(errorRate, Integer.MAX_VALUE);
        double blockParities = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            blockParities += 1.0 / ((long) first << pass);
        }
        return blockParities + errorRate * Math.ceil(Math.log(first) / Math.log(2));
    }

    private void runPass(int pass, int size, RandomGenerator rng) {
        int n = bob.length;
        int[] order = pass == 0 ? Shuffle.identity(n) : Shuffle.permutation(n, rng);
        int count = (n + size - 1) / size;
        blocks[pass] = new int[count][];
        blockOf[pass] = new int[n];
        aliceParity[pass] = new Boolean[count];
        for (int b = 0; b < count; b++) {
            int from = b * size;
            int to = Math.min(n, from + size);
            blocks[pass][b] = Arrays.copyOfRange(order, from, to);
            for (int i = from; i < to; i++) {
                blockOf[pass][order[i]] = b;
            }
        }
        passesDone = pass + 1;
        for (int b = 0; b < count; b++) {
            int[] block = blocks[pass][b];
            aliceParity[pass][b] = alice.parity(block, 0, block.length);
            if (aliceParity[pass][b] != parity(bob, block, 0, block.length)) {
                correctAndCascade(pass, b);
            }
        }
    }

    /** Fixes the error in one odd block, then every block of any pass whose parity that fix made odd. */
    private void correctAndCascade(int pass, int block) {
        Deque<int[]> odd = new ArrayDeque<>();
        odd.push(new int[] {pass, block});
        while (!odd.isEmpty()) {
            int[] pb = odd.pop();
            int[] positions = blocks[pb[0]][pb[1]];
            Boolean known = aliceParity[pb[0]][pb[1]];
            if (known == null || known == parity(bob, positions, 0, positions.length)) {
                continue; // not asked yet (its pass will ask), or already even again
            }
            int wrong = locate(positions);
            bob[wrong] = !bob[wrong];
            errorsCorrected++;
            for (int p = 0; p < passesDone; p++) {
                if (p != pb[0]) {
                    odd.push(new int[] {p, blockOf[p][wrong]});
                }
            }
        }
    }

    /** Binary search for one wrong bit in a block whose parities differ; each halving costs Alice one parity. */
    private int locate(int[] positions) {
        int lo = 0;
        int hi = positions.length;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (alice.parity(positions, lo, mid) != parity(bob, positions, lo, mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return positions[lo];
    }

    static boolean parity(boolean[] bits, int[] positions, int from, int to) {
        boolean p = false;
        for (int i = from; i < to; i++) {
            p ^= bits[positions[i]];
        }
        return p;
    }
}
