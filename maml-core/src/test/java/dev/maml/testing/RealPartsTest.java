package dev.maml.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RealPartsTest {

    @Test
    void onlyExactlyTrueIsCi() {
        assertTrue(RealParts.inCi("true"));
        for (String other : new String[] {null, "", "TRUE", "True", "1", "yes", "true "}) {
            assertFalse(RealParts.inCi(other), String.valueOf(other));
        }
    }
}
