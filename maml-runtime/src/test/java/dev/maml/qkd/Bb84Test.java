package dev.maml.qkd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class Bb84Test {

    private static final Bb84Parameters DEFAULTS = Bb84Parameters.defaults();

    private static Bb84Result run(Bb84Parameters params, long seed) {
        return Bb84.run(params, new SplittableRandom(seed));
    }

    private static Bb84Result.Key key(Bb84Parameters params, long seed) {
        Bb84Result result = run(params, seed);
        return assertInstanceOf(Bb84Result.Key.class, result, () -> result.message());
    }

    @Test
    void theSpecDefaultsGiveEqualSixteenBitKeys() {
        for (long seed = 0; seed < 300; seed++) {
            Bb84Result.Key k = key(DEFAULTS, seed);
            assertEquals(16, k.aliceKey().length());
            assertEquals(k.aliceKey(), k.bobKey(), "seed " + seed);
            Bb84Stats s = k.stats();
            assertEquals(128, s.raw());
            assertEquals(KeyBudget.sampleSize(s.sifted()), s.sampled());
            assertEquals(0.0, s.qber().getAsDouble());
            assertEquals(16, s.finalLength());
            assertTrue(s.verificationBits() >= KeyBudget.MIN_TAG_BITS);
            assertTrue(s.leaked() > s.verificationBits(), "reconciliation asked at least one parity");
            assertTrue(s.finalLength() <= s.sifted() - s.sampled() - s.leaked() - KeyBudget.SECURITY_MARGIN_BITS);
            assertFalse(s.aborted());
            assertFalse(s.eveDetected());
        }
    }

    @Test
    void theDroneExampleAt256QubitsGivesAKey() {
        for (long seed = 0; seed < 100; seed++) {
            Bb84Result.Key k = key(DEFAULTS.withRawQubits(256), seed);
            assertEquals(k.aliceKey(), k.bobKey());
        }
    }

    @Test
    void withoutEveOrNoiseThereAreNoErrors() {
        Bb84Result.Key k = key(DEFAULTS.withRawQubits(4096).withKeyLength(256), 7);
        assertEquals(0.0, k.stats().qber().getAsDouble());
        assertEquals(0, k.stats().errorsCorrected());
        assertEquals(0, k.stats().intercepted());
        assertEquals(k.aliceKey(), k.bobKey());
        // about half the bases agree: 2048 +- 32 (sigma), bound 6 sigma
        assertTrue(Math.abs(k.stats().sifted() - 2048) < 192, "sifted " + k.stats().sifted());
    }

    @Test
    void fullInterceptResendShowsAQuarterOfErrorsAndAborts() {
        for (long seed = 1; seed <= 2; seed++) {
            Bb84Result result = run(DEFAULTS.withRawQubits(20_000).withEavesdropper(1), seed);
            Bb84Result.Aborted aborted = assertInstanceOf(Bb84Result.Aborted.class, result);
            assertEquals("sample", aborted.stage());
            assertEquals(20_000, result.stats().intercepted());
            // ~2500 sampled bits, sigma = sqrt(0.25 * 0.75 / 2500) < 0.009: a bound over 5 sigma wide
            double qber = result.stats().qber().getAsDouble();
            assertTrue(Math.abs(qber - 0.25) < 0.05, "qber " + qber);
            assertTrue(result.stats().aborted());
            assertTrue(result.stats().eveDetected());
            assertEquals(0, result.stats().finalLength());
        }
    }

    @Test
    void fullInterceptResendNeverYieldsAKeyEvenFromASmallSample() {
        for (long seed = 0; seed < 300; seed++) {
            Bb84Result result = run(DEFAULTS.withEavesdropper(1), seed);
            assertFalse(result.hasKey(), "seed " + seed + ": " + result.message());
        }
    }

    @Test
    void channelNoiseShowsAsItsOwnErrorRate() {
        Bb84Result result = run(DEFAULTS.withRawQubits(20_000).withChannelNoise(0.05), 3);
        double qber = result.stats().qber().getAsDouble();
        // ~2500 sampled bits, sigma < 0.0044: a bound over 4.5 sigma wide
        assertTrue(Math.abs(qber - 0.05) < 0.02, "qber " + qber);
    }

    @Test
    void reconciliationCorrectsBobsOwnNoisyMeasurements() {
        for (long seed = 0; seed < 5; seed++) {
            Bb84Result.Key k = key(DEFAULTS.withRawQubits(4096).withKeyLength(256).withChannelNoise(0.03), seed);
            assertEquals(k.aliceKey(), k.bobKey(), "seed " + seed);
            // Bob's sifted bits held errors, so they were his measurements, not copies of Alice's bits
            assertTrue(k.stats().errorsCorrected() > 0);
            assertTrue(k.stats().leaked() > k.stats().verificationBits());
            assertTrue(k.stats().verificationBits() >= KeyBudget.MIN_TAG_BITS_AFTER_ERRORS);
            assertTrue(k.stats().qber().getAsDouble() > 0);
        }
    }

    @Test
    void aLowerThresholdAbortsOnNoise() {
        Bb84Result result = run(DEFAULTS.withRawQubits(4096).withChannelNoise(0.08).withQberThreshold(0.05), 4);
        Bb84Result.Aborted aborted = assertInstanceOf(Bb84Result.Aborted.class, result);
        assertTrue(aborted.errorRate() > 0.05);
        assertTrue(aborted.message().contains("exceeds the threshold 0.050"), aborted.message());
    }

    @Test
    void tooFewQubitsSaysHowManyWouldDo() {
        Bb84Result result = run(DEFAULTS.withKeyLength(64), 5);
        Bb84Result.TooFewQubits few = assertInstanceOf(Bb84Result.TooFewQubits.class, result);
        assertEquals(64, few.requested());
        assertTrue(few.available() < 64);
        int needed = few.rawQubitsNeeded().getAsInt();
        assertTrue(needed > 128, "needed " + needed);
        assertTrue(few.message().contains("about " + needed + " raw qubits"), few.message());
        assertEquals(0, few.stats().finalLength());
        assertTrue(few.stats().aborted());
        for (long seed = 0; seed < 50; seed++) {
            assertTrue(run(DEFAULTS.withKeyLength(64).withRawQubits(needed), seed).hasKey(), "seed " + seed);
        }
    }

    @Test
    void atTooHighAnErrorRateNoNumberOfQubitsWouldDo() {
        Bb84Result result = run(DEFAULTS.withRawQubits(4000).withChannelNoise(0.15).withQberThreshold(0.25), 6);
        Bb84Result.TooFewQubits few = assertInstanceOf(Bb84Result.TooFewQubits.class, result);
        assertTrue(few.rawQubitsNeeded().isEmpty());
        assertTrue(few.message().contains("no number of qubits"), few.message());
    }

    @Test
    void aSeedReproducesTheWholeRunAndAnotherSeedChangesTheKey() {
        Bb84Parameters params = DEFAULTS.withRawQubits(2048).withKeyLength(64).withEavesdropper(0.05)
                .withChannelNoise(0.01);
        Bb84Result.Key first = key(params, 99);
        Bb84Result.Key again = key(params, 99);
        assertEquals(first, again, "same seed, same stats and keys: Strange's Math.random() decided nothing");
        assertNotEquals(first.aliceKey(), key(params, 100).aliceKey());
    }

    @Test
    void statsUseTheSpecsNames() {
        JsonNode json = key(DEFAULTS, 1).toJson();
        for (String field : new String[] {"raw", "sifted", "sampled", "qber", "leaked", "final_length", "aborted",
                "eve_detected"}) {
            assertTrue(json.has(field), field);
        }
        assertEquals("key", json.get("outcome").asString());
        assertEquals(128, json.get("raw").asInt());
        JsonNode few = run(DEFAULTS.withKeyLength(100), 1).toJson();
        assertEquals("too_few_qubits", few.get("outcome").asString());
        assertTrue(few.get("raw_qubits_needed").asInt() > 128);
    }

    @Test
    void parametersOutOfRangeAreRejectedWithTheInputName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withRawQubits(0))
                .getMessage().startsWith("qkd_bits"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withKeyLength(129))
                .getMessage().startsWith("qkd_key_length"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withEavesdropper(1.5))
                .getMessage().startsWith("eavesdropper"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withChannelNoise(Double.NaN))
                .getMessage().startsWith("channel_noise"));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withQberThreshold(0.5));
    }
}
