package dev.maml.lint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Severity;
import dev.maml.lint.RuleSetting;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeverityWordTest {

    static final RuleSetting CONFIGURED = new RuleSetting(true, Severity.INFO, Map.of("max_distance", 3L));

    static RuleSetting apply(String word, RuleSetting to) {
        return SeverityWord.parse(word).orElseThrow().applyTo(to);
    }

    @Test
    void onAndTrueEnableWithTheConfiguredSeverityAndOptions() {
        RuleSetting disabled = new RuleSetting(false, Severity.INFO, Map.of("max_distance", 3L));
        assertEquals(CONFIGURED, apply("on", disabled));
        assertEquals(CONFIGURED, apply(" TRUE ", disabled));
        assertEquals(new RuleSetting(true, null, Map.of()), apply("on", RuleSetting.DEFAULT));
    }

    @Test
    void offAndFalseDisableKeepingTheRest() {
        assertEquals(new RuleSetting(false, Severity.INFO, Map.of("max_distance", 3L)), apply("off", CONFIGURED));
        assertEquals(new RuleSetting(false, Severity.INFO, Map.of("max_distance", 3L)), apply("False", CONFIGURED));
    }

    @Test
    void aSeverityNameEnablesWithThatSeverity() {
        for (Severity s : Severity.values()) {
            assertEquals(new RuleSetting(true, s, Map.of("max_distance", 3L)),
                    apply(s.label().toUpperCase(), new RuleSetting(false, Severity.INFO, Map.of("max_distance", 3L))));
        }
    }

    @Test
    void anyOtherWordIsNotAWord() {
        for (String bad : new String[] {"loud", "", "1", "yes", "warn", "errors"}) {
            assertTrue(SeverityWord.parse(bad).isEmpty(), bad);
        }
    }
}
