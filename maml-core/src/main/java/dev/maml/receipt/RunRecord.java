package dev.maml.receipt;

import dev.maml.sign.Digests;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The {@code run:} block of a receipt of an execution (spec section 9): which run, as whom, digests
 * of the inputs and the result (SHA3-256 of their RFC 8785 canonical JSON), and the steps taken.
 */
public record RunRecord(String runId, String identity, String inputsSha3, String outputsSha3, List<Step> steps) {

    public RunRecord {
        steps = List.copyOf(steps);
    }

    /** One pipeline step as the receipt records it. */
    public record Step(String name, String status, long millis) {
    }

    public static RunRecord of(String runId, String identity, JsonNode inputs, JsonNode outputs, List<Step> steps) {
        return new RunRecord(runId, identity, digest(inputs), digest(outputs), steps);
    }

    public static String digest(JsonNode json) {
        return Digests.sha3_256Hex(CanonicalJson.of(json).getBytes(StandardCharsets.UTF_8));
    }
}
