package dev.maml.run;

/**
 * Step 5: the result, as it stands after the workflow, against Output_Schema (spec 10, step 5). The
 * whole result object is the instance (with `status` still "running"), so a schema describes the
 * fields it cares about and should not forbid additional properties. A mismatch: exit 1.
 */
final class OutputCheck {

    private OutputCheck() {
    }

    static void check(RunContext ctx) throws RunFailure {
        SectionSchema schema = SectionSchema.of(ctx.doc, "Output_Schema");
        if (schema != null) {
            schema.require(ctx.result(), ctx, "the result", "output_errors", RunFailure.FAILED);
        }
    }
}
