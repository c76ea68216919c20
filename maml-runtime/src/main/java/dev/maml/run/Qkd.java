package dev.maml.run;

import dev.maml.qkd.Bb84;
import dev.maml.qkd.Bb84Parameters;
import dev.maml.qkd.Bb84Result;
import dev.maml.qkd.Bits;
import java.util.random.RandomGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * BB84 (spec 10.1) as a step: gives `qkd` (the statistics, also when the protocol gives up) and
 * `qkd_key` (Bob's final key as 0/1). An abort, too few qubits or a failed reconciliation is an
 * honest protocol outcome: the workflow ran and failed (exit 1).
 */
final class Qkd {

    static final String STEP = "qkd.bb84";

    private Qkd() {
    }

    /** The protocol's outcome; a run that reaches the next step always holds a {@link Bb84Result.Key}. */
    record Run(Bb84Result outcome) implements ResultPart {

        /** Bob's key. */
        Bits key() {
            return ((Bb84Result.Key) outcome).bobKey();
        }
    }

    /** Bob's key, or a {@link RunFailure} with the protocol's message and statistics. */
    static Run run(ObjectNode parameters, RandomGenerator rng) throws RunFailure {
        // Inputs has checked the parameters, so this cannot throw.
        Bb84Result outcome = Bb84.run(Bb84Parameters.fromRunParameters(parameters), rng);
        if (!(outcome instanceof Bb84Result.Key)) {
            throw new RunFailure(RunFailure.FAILED, outcome.message(), new Run(outcome));
        }
        return new Run(outcome);
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
