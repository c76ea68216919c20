package dev.maml.run;

import dev.maml.qkd.Bb84;
import dev.maml.qkd.Bb84Parameters;
import dev.maml.qkd.Bb84Result;
import dev.maml.qkd.Bits;
import tools.jackson.databind.node.ArrayNode;

/**
 * BB84 (spec 10.1) as a step: fills `qkd` (the statistics, also when the protocol gives up) and
 * `qkd_key` (Bob's final key as 0/1). An abort, too few qubits or a failed reconciliation is an
 * honest protocol outcome: the workflow ran and failed (exit 1).
 */
final class Qkd {

    private Qkd() {
    }

    /** Bob's key, or a {@link RunFailure} with the protocol's message. */
    static Bits run(RunContext ctx) throws RunFailure {
        return ctx.log.step("qkd.bb84", () -> {
            // Inputs has checked the parameters, so this cannot throw.
            Bb84Result outcome = Bb84.run(Bb84Parameters.fromRunParameters(ctx.parameters), ctx.rng);
            ctx.result().set("qkd", outcome.toJson());
            if (!(outcome instanceof Bb84Result.Key key)) {
                throw new RunFailure(RunFailure.FAILED, outcome.message());
            }
            ArrayNode bits = ctx.result().putArray("qkd_key");
            key.bobKey().toIntegers().forEach(bits::add);
            return key.bobKey();
        });
    }

    /** The key packed into bytes, most significant bit first, for key derivation. */
    static byte[] bytes(Bits bits) {
        byte[] out = new byte[(bits.length() + 7) / 8];
        for (int i = 0; i < bits.length(); i++) {
            if (bits.get(i)) {
                out[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return out;
    }
}
