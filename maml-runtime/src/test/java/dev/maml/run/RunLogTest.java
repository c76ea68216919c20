package dev.maml.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RunLogTest {

    @Test
    void recordsStepsAndTheFirstFailure() {
        RunLog log = new RunLog();
        RunFailure failure = assertThrows(RunFailure.class, () -> {
            assertEquals(3, log.step("first", () -> 3));
            log.step("second", () -> {
                throw new RunFailure(RunFailure.REFUSED, "permission denied");
            });
        });
        assertEquals(3, failure.exitCode());
        assertEquals("failed", log.result().get("status").asString());
        assertEquals("second", log.result().get("failed_step").asString());
        assertEquals("ok", log.result().get("steps").get(0).get("status").asString());
        assertEquals("failed", log.result().get("steps").get(1).get("status").asString());
        assertEquals("permission denied", log.result().get("steps").get(1).get("message").asString());
    }

    @Test
    void finishMarksOk() {
        RunLog log = new RunLog();
        log.finish();
        assertEquals("ok", log.result().get("status").asString());
    }
}
