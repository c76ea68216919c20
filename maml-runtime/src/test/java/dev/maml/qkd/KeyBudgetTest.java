package dev.maml.qkd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class KeyBudgetTest {

    @Test
    void binaryEntropy() {
        assertEquals(0, KeyBudget.binaryEntropy(0));
        assertEquals(1, KeyBudget.binaryEntropy(0.5), 1e-12);
        assertEquals(0.4999, KeyBudget.binaryEntropy(0.11), 1e-3);
        assertEquals(0.8113, KeyBudget.binaryEntropy(0.25), 1e-4);
    }

    @Test
    void finalLengthSubtractsEvesShareTheLeakAndTheMargin() {
        assertEquals(100 - 10 - 8, KeyBudget.finalLengthBound(100, 0, 10));
        // h(0.11) = 0.49992: floor(100 * 0.50008) = 50
        assertEquals(50 - 10 - 8, KeyBudget.finalLengthBound(100, 0.11, 10));
        assertEquals(0, KeyBudget.finalLengthBound(10, 0, 10));
    }

    @Test
    void theTagTakesTheSpareBitsWithinItsBounds() {
        assertEquals(OptionalInt.of(8), KeyBudget.tagBits(33, 0, 1, 16));
        assertEquals(OptionalInt.empty(), KeyBudget.tagBits(32, 0, 1, 16));
        assertEquals(OptionalInt.of(22), KeyBudget.tagBits(48, 0, 2, 16));
        assertEquals(OptionalInt.of(32), KeyBudget.tagBits(1000, 0, 20, 16));
        // once an error was seen, 16 bits at least: floor(100 * (1 - h(0.01))) = 91, 91 - 10 - 8 - 60 = 13
        assertEquals(OptionalInt.empty(), KeyBudget.tagBits(100, 0.01, 10, 60));
        assertEquals(OptionalInt.of(16), KeyBudget.tagBits(100, 0.01, 10, 57));
    }

    @Test
    void rawQubitsNeededLeavesRoomForUnluckySifting() {
        // 16 + 8 + 8 bits at a yield of 0.97 need 33 bits after sampling, 44 sifted, 121 raw (44 is 3σ below 60.5)
        assertEquals(OptionalInt.of(121), KeyBudget.rawQubitsNeeded(16, 0, 0.03));
        assertTrue(KeyBudget.rawQubitsNeeded(256, 0.05, 0.2).getAsInt() > KeyBudget.rawQubitsNeeded(256, 0, 0.05).getAsInt());
        assertEquals(OptionalInt.empty(), KeyBudget.rawQubitsNeeded(16, 0.1, 0.55));
    }

    @Test
    void aQuarterOfTheSiftedBitsIsSampled() {
        assertEquals(0, KeyBudget.sampleSize(0));
        assertEquals(1, KeyBudget.sampleSize(1));
        assertEquals(16, KeyBudget.sampleSize(64));
        assertEquals(17, KeyBudget.sampleSize(65));
    }
}
