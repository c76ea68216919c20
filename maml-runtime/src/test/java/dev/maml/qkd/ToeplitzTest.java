package dev.maml.qkd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ToeplitzTest {

    @Test
    void multipliesByTheMatrixConstantAlongDiagonals() {
        // d = 1011, 2x3: row 0 = d2 d1 d0 = 1 0 1, row 1 = d3 d2 d1 = 1 1 0
        Toeplitz t = Toeplitz.of(Bits.parse("1011").toArray(), 3, 2);
        assertArrayEquals(Bits.parse("10").toArray(), t.hash(Bits.parse("110").toArray()));
        assertArrayEquals(Bits.parse("11").toArray(), t.hash(Bits.parse("100").toArray()));
        assertArrayEquals(Bits.parse("01").toArray(), t.hash(Bits.parse("010").toArray()));
        assertArrayEquals(Bits.parse("10").toArray(), t.hash(Bits.parse("001").toArray()));
    }

    @Test
    void isLinearOverGf2() {
        SplittableRandom rng = new SplittableRandom(5);
        Toeplitz t = Toeplitz.random(64, 16, rng);
        boolean[] x = random(64, rng);
        boolean[] y = random(64, rng);
        boolean[] sum = new boolean[64];
        for (int i = 0; i < 64; i++) {
            sum[i] = x[i] ^ y[i];
        }
        boolean[] hx = t.hash(x);
        boolean[] hy = t.hash(y);
        boolean[] expected = new boolean[16];
        for (int i = 0; i < 16; i++) {
            expected[i] = hx[i] ^ hy[i];
        }
        assertArrayEquals(expected, t.hash(sum));
    }

    @Test
    void differentInputsCollideAboutOnceIn2ToTheTagLength() {
        SplittableRandom rng = new SplittableRandom(6);
        int trials = 4096;
        int collisions = 0;
        for (int i = 0; i < trials; i++) {
            Toeplitz t = Toeplitz.random(40, 4, rng);
            boolean[] x = random(40, rng);
            boolean[] y = x.clone();
            y[rng.nextInt(40)] ^= true;
            if (java.util.Arrays.equals(t.hash(x), t.hash(y))) {
                collisions++;
            }
        }
        // 2-universal: P(collision) = 1/16, mean 256, sigma about 15
        assertTrue(Math.abs(collisions - trials / 16) < 90, "collisions: " + collisions);
    }

    @Test
    void rejectsAWrongSizedSeedOrInput() {
        assertThrows(IllegalArgumentException.class, () -> Toeplitz.of(new boolean[3], 3, 2));
        assertThrows(IllegalArgumentException.class, () -> Toeplitz.of(new boolean[4], 3, 2).hash(new boolean[4]));
    }

    private static boolean[] random(int n, SplittableRandom rng) {
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextBoolean();
        }
        return out;
    }
}
