package dev.maml.run;

import dev.maml.receipt.Receipts;
import dev.maml.receipt.RunRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Step 6: a `.mu` receipt of the run (spec section 9), next to the document or in --receipt-dir,
 * chained to the previous receipt of the same document there. Signed with --key; unsigned with an
 * ephemeral key (its private half exists only in memory and could prove nothing later).
 * `outputs_sha3_256` covers the result without `status`, `steps` and `receipt`, the fields that
 * only exist once the receipt does.
 */
final class ReceiptStep {

    private ReceiptStep() {
    }

    static Path write(RunContext ctx) throws RunFailure {
        return ctx.log.step("receipt", () -> {
            try {
                Path dir = ctx.createdOutputDir();
                Path target = Receipts.nextName(ctx.document, dir);
                RunRecord record = RunRecord.of(ctx.runId.toString(), ctx.request.identity().uri(), ctx.parameters,
                        outputs(ctx.result()), steps(ctx.result()));
                Receipts.Builder receipt = Receipts.of(ctx.document).out(target).run(record).at(ctx.now);
                if (ctx.request.key() != null) {
                    receipt.key(ctx.request.key());
                }
                Path written = receipt.create();
                ctx.result().put("receipt", written.toString());
                ctx.result().put("receipt_signed", ctx.request.key() != null);
                return written;
            } catch (IOException e) {
                throw new RunFailure(RunFailure.FAILED, "cannot write the receipt: " + Messages.of(e));
            }
        });
    }

    static ObjectNode outputs(ObjectNode result) {
        ObjectNode copy = result.deepCopy();
        copy.remove(List.of("status", "steps", "receipt"));
        return copy;
    }

    private static List<RunRecord.Step> steps(ObjectNode result) {
        List<RunRecord.Step> out = new ArrayList<>();
        for (JsonNode step : result.get("steps")) {
            if (!step.has("status")) {
                continue; // the receipt step itself, still running
            }
            out.add(new RunRecord.Step(step.get("name").asString(), step.get("status").asString(),
                    step.get("millis").asLong()));
        }
        return out;
    }
}
