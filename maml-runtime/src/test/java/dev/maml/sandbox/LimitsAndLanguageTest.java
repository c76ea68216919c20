package dev.maml.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LimitsAndLanguageTest {

    @Test
    void fenceLanguagesMapToInterpreters() {
        assertEquals(Optional.of(Language.PYTHON), Language.of("python"));
        assertEquals(Optional.empty(), Language.of("Python"), "case-sensitive, as MAML042");
        assertEquals(Optional.empty(), Language.of("python3"), "not a runtime language of the spec");
        assertEquals(Optional.empty(), Language.of("shell"));
        assertEquals(Optional.of(Language.BASH), Language.of("bash"));
        assertEquals(Optional.of(Language.SH), Language.of("sh"));
        assertEquals(Optional.empty(), Language.of("javascript"));
        assertEquals(Optional.empty(), Language.of(""));
        assertEquals("/usr/bin/python3", Language.PYTHON.command().get(0));
        assertEquals("python", Language.PYTHON.id());
    }

    @Test
    void limitsMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Limits.DEFAULT.withCpuSeconds(0));
        assertEquals("cpuSeconds must be positive, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Limits.DEFAULT.withWall(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Limits.DEFAULT.withOutputBytes(-1));
        assertTrue(Limits.DEFAULT.wall().toSeconds() > Limits.DEFAULT.cpuSeconds(),
                "by default the CPU limit, with its precise report, comes before the wall clock");
    }

    @Test
    void withersChangeOneLimit() {
        Limits l = Limits.DEFAULT.withMemoryBytes(1234).withProcesses(7);
        assertEquals(1234, l.memoryBytes());
        assertEquals(7, l.processes());
        assertEquals(Limits.DEFAULT.cpuSeconds(), l.cpuSeconds());
        assertEquals(BlockStatus.KILLED_BY_LIMIT.wire(), "killed-by-limit");
        assertEquals(BlockStatus.OUTPUT_TOO_LARGE.wire(), "output-too-large");
    }
}
