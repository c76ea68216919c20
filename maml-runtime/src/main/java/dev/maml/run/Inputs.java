package dev.maml.run;

import dev.maml.qkd.Bb84Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Step 3: the run's parameters (Input_Schema defaults &lt; Context &lt; --input &lt; --set, see
 * {@link Parameters}), validated against Input_Schema. Values the built-in pipeline reads are
 * checked here too, so a bad `--set qkd_bits=abc` is a bad command line (exit 2), not a failed run.
 */
final class Inputs {

    private Inputs() {
    }

    static void resolve(RunContext ctx) throws RunFailure {
        SectionSchema schema = SectionSchema.of(ctx.doc, "Input_Schema");
        ObjectNode merged = Parameters.merge(schema == null ? null : schema.schema(), ctx.doc, ctx.request.input(),
                ctx.request.sets());
        ctx.result().set("inputs", merged);
        if (schema != null) {
            schema.require(merged, ctx, "the inputs", "input_errors", RunFailure.INVALID);
        }
        if (Workflows.runsQkd(ctx.type)) {
            try {
                Bb84Parameters.fromRunParameters(merged);
            } catch (IllegalArgumentException e) {
                throw new RunFailure(RunFailure.INVALID, e.getMessage());
            }
            JsonNode algorithm = merged.get("signature_algorithm");
            if (algorithm != null && !algorithm.isString()) {
                throw new RunFailure(RunFailure.INVALID, "signature_algorithm must be a string, got " + algorithm);
            }
        }
        ctx.parameters = merged;
    }
}
