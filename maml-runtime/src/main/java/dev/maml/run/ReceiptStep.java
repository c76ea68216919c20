package dev.maml.run;

import dev.maml.io.FailureText;
import dev.maml.receipt.ReceiptStore;
import dev.maml.receipt.Receipts;
import dev.maml.receipt.RunRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Step 6: a `.mu` receipt of the run (spec section 9), next to the document or in --receipt-dir,
 * chained to the previous receipt of the same document there (or in the request's receipt store). Signed with --key; unsigned with an
 * ephemeral key (its private half exists only in memory and could prove nothing later).
 * `outputs_sha3_256` covers the result without `status`, `steps` and `receipt`, the fields that
 * only exist once the receipt does.
 */
final class ReceiptStep {

    private ReceiptStep() {
    }

    /** The receipt written: `receipt` and `receipt_signed`. */
    record Written(Path file, boolean signed) implements ResultPart {
    }

    /** @param soFar the run up to this step, whose result the receipt digests */
    static Written write(RunContext ctx, Inputs.Resolved inputs, RunReport soFar) throws RunFailure {
        try {
            Path dir = ctx.createdOutputDir();
            RunRecord record = RunRecord.of(ctx.runId().toString(), ctx.request().identity().uri(),
                    inputs.parameters(), outputs(soFar), steps(soFar));
            Receipts.Builder receipt = Receipts.of(ctx.document()).into(dir)
                    .run(record).at(ctx.now());
            if (ctx.request().receiptSyncedByCaller()) {
                receipt.syncedByCaller();
            }
            Path key = ctx.request().key();
            if (key != null) {
                receipt.key(key);
            }
            ReceiptStore store = ctx.request().receiptStore();
            return new Written(store != null ? store.append(receipt) : receipt.create(), key != null);
        } catch (IOException e) {
            throw new RunFailure(RunFailure.FAILED, "cannot write the receipt: " + FailureText.of(e));
        }
    }

    /** The result as printed, without the fields that only exist once the receipt does. */
    private static ObjectNode outputs(RunReport soFar) {
        ObjectNode result = ResultJson.of(soFar);
        result.remove(List.of("status", "steps", "receipt"));
        return result;
    }

    /** The steps that have ended (the receipt step itself is still running). */
    private static List<RunRecord.Step> steps(RunReport soFar) {
        return soFar.steps().stream()
                .map(s -> new RunRecord.Step(s.name(), s.status().label(), s.millis()))
                .toList();
    }
}
