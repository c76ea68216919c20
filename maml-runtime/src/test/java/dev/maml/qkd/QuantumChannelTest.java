package dev.maml.qkd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.redfx.strange.Program;
import org.redfx.strange.QuantumExecutionEnvironment;
import org.redfx.strange.Result;
import org.redfx.strange.local.SimpleQuantumExecutionEnvironment;

class QuantumChannelTest {

    @Test
    void sameBasisReadsWhatWasPrepared() {
        QuantumChannel channel = new QuantumChannel(new SplittableRandom(1));
        for (boolean diagonal : new boolean[] {false, true}) {
            for (int i = 0; i < 50; i++) {
                assertTrue(channel.transmit(true, diagonal, false, diagonal));
                assertEquals(false, channel.transmit(false, diagonal, false, diagonal));
            }
        }
    }

    @Test
    void aYErrorFlipsTheBitInBothBases() {
        QuantumChannel channel = new QuantumChannel(new SplittableRandom(2));
        for (boolean diagonal : new boolean[] {false, true}) {
            assertEquals(false, channel.transmit(true, diagonal, true, diagonal));
            assertEquals(true, channel.transmit(false, diagonal, true, diagonal));
        }
    }

    @Test
    void theOtherBasisReadsAFairCoin() {
        QuantumChannel channel = new QuantumChannel(new SplittableRandom(3));
        int n = 10_000;
        int ones = 0;
        for (int i = 0; i < n; i++) {
            if (channel.transmit(i % 2 == 0, i % 4 < 2, false, i % 4 >= 2)) {
                ones++;
            }
        }
        // mean 5000, sigma 50: a bound 6 sigma wide
        assertTrue(Math.abs(ones - n / 2) < 300, "ones: " + ones);
    }

    /** Strange's own Math.random() measurement must not decide: the run's generator alone does. */
    @Test
    void theRunsGeneratorDecidesEveryUncertainOutcome() {
        QuantumChannel low = new QuantumChannel(constant(0.0));
        QuantumChannel high = new QuantumChannel(constant(0.999));
        for (int i = 0; i < 200; i++) {
            boolean bit = i % 2 == 0;
            assertTrue(low.transmit(bit, false, false, true), "draw 0.0 is below P(1) = 0.5");
            assertEquals(false, high.transmit(bit, true, false, false), "draw 0.999 is above P(1) = 0.5");
        }
    }

    /** Strange 0.1.3 sometimes overruns its state vector while measuring; the program is run again. */
    @Test
    void strangesMeasurementOverrunIsRetried() {
        SimpleQuantumExecutionEnvironment strange = new SimpleQuantumExecutionEnvironment();
        int[] calls = {0};
        QuantumExecutionEnvironment overrunsTwice = new QuantumExecutionEnvironment() {
            @Override
            public Result runProgram(Program p) {
                if (++calls[0] <= 2) {
                    throw new ArrayIndexOutOfBoundsException("Index 2 out of bounds for length 2");
                }
                return strange.runProgram(p);
            }

            @Override
            public void runProgram(Program p, Consumer<Result> result) {
                throw new UnsupportedOperationException();
            }
        };
        QuantumChannel channel = new QuantumChannel(overrunsTwice, new SplittableRandom(4));
        assertTrue(channel.transmit(true, true, false, true));
        assertEquals(3, calls[0]);
    }

    @Test
    void aSeedReproducesTheOutcomes() {
        assertArrayEquals(outcomes(42), outcomes(42));
        assertTrue(!java.util.Arrays.equals(outcomes(42), outcomes(43)));
    }

    private static boolean[] outcomes(long seed) {
        QuantumChannel channel = new QuantumChannel(new SplittableRandom(seed));
        boolean[] out = new boolean[500];
        for (int i = 0; i < out.length; i++) {
            out[i] = channel.transmit(true, true, false, false);
        }
        return out;
    }

    private static RandomGenerator constant(double draw) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only nextDouble is expected");
            }

            @Override
            public double nextDouble() {
                return draw;
            }
        };
    }
}
