package dev.maml.run;

import dev.maml.model.MamlDocument;

/**
 * Step 5: the result, as it stands after the workflow, against Output_Schema (spec 10, step 5). The
 * whole result object is the instance (with `status` still "running"), so a schema describes the
 * fields it cares about and should not forbid additional properties. A mismatch: exit 1.
 */
final class OutputCheck {

    private OutputCheck() {
    }

    static void check(MamlDocument doc, RunReport soFar) throws RunFailure {
        SectionSchema schema = SectionSchema.of(doc, "Output_Schema");
        if (schema != null) {
            schema.require(ResultJson.of(soFar), "the result", "output_errors", RunFailure.FAILED);
        }
    }
}
