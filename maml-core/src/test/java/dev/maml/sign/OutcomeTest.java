package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outcome words reports print (spec section 8), one per outcome. */
class OutcomeTest {

    @Test
    void labelsAreTheSpecWords() {
        assertEquals(List.of("valid", "valid-untrusted", "invalid", "unsigned", "malformed", "below-minimum"),
                Arrays.stream(Outcome.values()).map(Outcome::label).toList());
    }
}
