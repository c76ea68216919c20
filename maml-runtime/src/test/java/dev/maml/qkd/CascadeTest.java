package dev.maml.qkd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CascadeTest {

    @Test
    void correctsInjectedErrorsAndCountsEveryDisclosedParity() {
        for (double rate : new double[] {0.01, 0.03, 0.05, 0.08}) {
            SplittableRandom rng = new SplittableRandom(Double.hashCode(rate));
            boolean[] alice = random(2000, rng);
            boolean[] bob = alice.clone();
            int injected = 0;
            for (int i = 0; i < bob.length; i++) {
                if (rng.nextDouble() < rate) {
                    bob[i] ^= true;
                    injected++;
                }
            }
            AliceParities parities = new AliceParities(alice);
            Cascade.Outcome outcome = Cascade.reconcile(parities, bob, rate, rng);
            assertArrayEquals(alice, outcome.corrected(), "rate " + rate);
            assertEquals(injected, outcome.errorsCorrected(), "rate " + rate);
            int firstPassBlocks = (2000 + Cascade.firstBlockSize(rate, 2000) - 1) / Cascade.firstBlockSize(rate, 2000);
            assertTrue(parities.leaked() > firstPassBlocks + injected, "leaked " + parities.leaked());
        }
    }

    @Test
    void equalKeysCostOneParityPerBlockAndChangeNothing() {
        boolean[] key = random(100, new SplittableRandom(9));
        AliceParities parities = new AliceParities(key);
        Cascade.Outcome outcome = Cascade.reconcile(parities, key, 0, new SplittableRandom(10));
        assertArrayEquals(key, outcome.corrected());
        assertEquals(0, outcome.errorsCorrected());
        // blocks of 37 (the 2 % floor), then 74: 3 + 2 parities; 148 covers the whole key and is skipped
        assertEquals(5, parities.leaked());
    }

    @Test
    void aPairOfErrorsInOneFirstPassBlockSurfacesInALaterPass() {
        boolean[] alice = random(400, new SplittableRandom(11));
        boolean[] bob = alice.clone();
        bob[3] ^= true;
        bob[7] ^= true; // same first block of 37: its parity agrees
        Cascade.Outcome outcome = Cascade.reconcile(new AliceParities(alice), bob, 0.02, new SplittableRandom(12));
        assertArrayEquals(alice, outcome.corrected());
        assertEquals(2, outcome.errorsCorrected());
    }

    @Test
    void blockSizeFollowsTheErrorRate() {
        assertEquals(37, Cascade.firstBlockSize(0, 1000));
        assertEquals(15, Cascade.firstBlockSize(0.05, 1000));
        assertEquals(10, Cascade.firstBlockSize(0.05, 10));
    }

    @Test
    void rejectsKeysOfDifferentLengths() {
        assertThrows(IllegalArgumentException.class,
                () -> Cascade.reconcile(new AliceParities(new boolean[3]), new boolean[4], 0, new SplittableRandom(1)));
    }

    static boolean[] random(int n, SplittableRandom rng) {
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextBoolean();
        }
        return out;
    }
}
