package dev.maml.sandbox;

import dev.maml.report.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one code block did.
 *
 * @param status          how it ended
 * @param exitCode        the exit code bwrap reported (128 + N when signal N ended the block)
 * @param detail          why the status is what it is, in words
 * @param output          stdout parsed as one JSON value, or null
 * @param outputProblem   null when {@code output} is set; otherwise why stdout is not a result
 * @param stdoutHead      the start of stdout (at most {@link #HEAD_CHARS} characters), kept for
 *                        non-JSON output
 * @param stderrTail      the end of stderr, at most {@link Limits#stderrTailBytes()} bytes
 * @param stderrTruncated whether stderr was longer than the tail kept
 * @param millis          wall-clock time from start to the end of the sandbox
 */
public record BlockResult(BlockStatus status, int exitCode, String detail, JsonNode output, String outputProblem,
                          String stdoutHead, String stderrTail, boolean stderrTruncated, long millis) {

    public static final int HEAD_CHARS = 1000;

    public boolean ok() {
        return status == BlockStatus.OK;
    }

    /** The entry for the run's result JSON. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object()
                .put("status", status.wire())
                .put("exit_code", exitCode)
                .put("detail", detail)
                .put("millis", millis);
        if (output != null) {
            json.set("output", output);
        } else {
            json.put("output_problem", outputProblem).put("stdout_head", stdoutHead);
        }
        return json.put("stderr_tail", stderrTail).put("stderr_truncated", stderrTruncated);
    }
}
