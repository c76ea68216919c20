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
        assertEquals("failed", ResultJson.of(log.snapshot()).get("status").asString());
        assertEquals("second", ResultJson.of(log.snapshot()).get("failed_step").asString());
        assertEquals("ok", ResultJson.of(log.snapshot()).get("steps").get(0).get("status").asString());
        assertEquals("failed", ResultJson.of(log.snapshot()).get("steps").get(1).get("status").asString());
        assertEquals("permission denied", ResultJson.of(log.snapshot()).get("steps").get(1).get("message").asString());
    }

    @Test
    void keepsWhatStepsReturnAndWhatTheFailureFoundInOrder() {
        RunLog log = new RunLog();
        Inputs.Resolved inputs = new Inputs.Resolved(dev.maml.report.Json.object().put("n", 1));
        assertThrows(RunFailure.class, () -> {
            log.step("inputs", () -> inputs);
            log.step("receipt", () -> {
                throw new RunFailure(RunFailure.FAILED, "disk full", new HistoryRecord.Recorded());
            });
        });
        assertEquals(java.util.List.of(inputs, new HistoryRecord.Recorded()), log.snapshot().parts());
        assertEquals("disk full", log.snapshot().failed().message());
    }

    @Test
    void finishMarksOk() {
        RunLog log = new RunLog();
        assertEquals("running", ResultJson.of(log.snapshot()).get("status").asString());
        assertEquals("ok", ResultJson.of(log.finish()).get("status").asString());
    }
}
