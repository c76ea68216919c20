package dev.maml.sandbox;

import dev.maml.report.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Turns what was observed of a finished sandbox into a {@link BlockResult}. */
final class Outcome {

    /** bwrap, like a shell, reports a block ended by signal N as exit code 128 + N. */
    private static final int SIGNALLED = 128;
    private static final int SIGKILL = 9;
    private static final int SIGXCPU = 24;
    private static final int SIGXFSZ = 25;

    private Outcome() {
    }

    static BlockResult of(int exitCode, Sandbox.Kill kill, Limits limits, Capture stdout, Capture stderr,
                          long millis) {
        BlockStatus status;
        String detail;
        if (kill != null) {
            status = kill == Sandbox.Kill.WALL ? BlockStatus.TIMEOUT : BlockStatus.OUTPUT_TOO_LARGE;
            detail = switch (kill) {
                case WALL -> "wall-clock limit of " + limits.wall().toMillis() + " ms reached; the sandbox was killed";
                case STDOUT -> "stdout exceeded " + limits.outputBytes() + " bytes; the sandbox was killed";
                case STDERR -> "stderr exceeded " + limits.outputBytes() + " bytes; the sandbox was killed";
            };
        } else if (exitCode == 0) {
            status = BlockStatus.OK;
            detail = "exit code 0";
        } else if (exitCode == SIGNALLED + SIGXCPU) {
            status = BlockStatus.KILLED_BY_LIMIT;
            detail = "CPU time limit of " + limits.cpuSeconds() + " s reached (SIGXCPU)";
        } else if (exitCode == SIGNALLED + SIGXFSZ) {
            status = BlockStatus.KILLED_BY_LIMIT;
            detail = "file size limit of " + limits.fileBytes() + " bytes reached (SIGXFSZ)";
        } else if (exitCode == SIGNALLED + SIGKILL) {
            status = BlockStatus.KILLED_BY_LIMIT;
            detail = "killed by SIGKILL (the CPU time hard limit, or the kernel out of memory)";
        } else {
            status = BlockStatus.FAILED;
            detail = exitCode > SIGNALLED ? "ended by signal " + (exitCode - SIGNALLED) : "exit code " + exitCode;
        }
        String text = stdout.text();
        String head = text.length() > BlockResult.HEAD_CHARS ? text.substring(0, BlockResult.HEAD_CHARS) : text;
        JsonNode output = null;
        String problem;
        if (kill == Sandbox.Kill.STDOUT) {
            problem = "stdout was cut at " + limits.outputBytes() + " bytes";
        } else if (text.isBlank()) {
            problem = "stdout is empty";
        } else {
            try {
                output = Json.MAPPER.readTree(stdout.bytes());
                problem = null;
            } catch (JacksonException e) {
                problem = "stdout is not JSON: " + e.getOriginalMessage();
            }
        }
        return new BlockResult(status, exitCode, detail, output, problem, head, stderr.text(), stderr.truncated(),
                millis);
    }
}
