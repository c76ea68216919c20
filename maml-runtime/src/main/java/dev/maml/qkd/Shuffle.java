package dev.maml.qkd;

import java.util.random.RandomGenerator;

/** Permutations of 0..n-1 drawn from the run's generator (Fisher-Yates). */
final class Shuffle {

    private Shuffle() {
    }

    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    static int[] permutation(int n, RandomGenerator rng) {
        int[] order = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
