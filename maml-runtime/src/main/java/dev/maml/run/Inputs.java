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

    /** The merged parameters: data the document and the caller gave, so JSON by nature. */
    record Resolved(ObjectNode parameters) implements ResultPart {
    }

    static Resolved resolve(RunContext ctx, LintGate.Linted linted) throws RunFailure {
        SectionSchema schema = SectionSchema.of(linted.doc(), "Input_Schema");
        ObjectNode merged = Parameters.merge(schema == null ? null : schema.schema(), linted.doc(),
                ctx.request().input(), ctx.request().sets());
        Resolved resolved = new Resolved(merged);
        if (schema != null) {
            schema.require(merged, "the inputs", "input_errors", RunFailure.INVALID, resolved);
        }
        if (Workflows.runsQkd(linted.type())) {
            try {
                Bb84Parameters.fromRunParameters(merged);
            } catch (IllegalArgumentException e) {
                throw new RunFailure(RunFailure.INVALID, e.getMessage(), resolved);
            }
            JsonNode algorithm = merged.get("signature_algorithm");
            if (algorithm != null && !algorithm.isString()) {
                throw new RunFailure(RunFailure.INVALID, "signature_algorithm must be a string, got " + algorithm,
                        resolved);
            }
        }
        return resolved;
    }
}
