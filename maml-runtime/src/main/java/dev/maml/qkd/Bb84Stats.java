package dev.maml.qkd;

import dev.maml.report.Json;
import java.util.OptionalDouble;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a BB84 run measured, as far as it got (spec section 10.1; field meanings in docs/qkd.md).
 *
 * @param raw             qubits sent
 * @param intercepted     qubits Eve measured; known only because this is a simulation, no protocol step uses it
 * @param sifted          bits where Alice's and Bob's bases agreed
 * @param sampled         sifted bits disclosed to estimate the error rate (then discarded)
 * @param qber            errors in the sample / sampled; empty when nothing was sifted
 * @param errorsCorrected bits Bob flipped during reconciliation
 * @param leaked          bits disclosed after sampling: reconciliation parities plus the verification tag
 * @param verificationBits length of the verification tag; keys that still differ pass it with probability 2^-this
 * @param finalLength     bits of final key (0 when the run gave none)
 * @param aborted         the run ended without a key
 * @param eveDetected     an error rate (sample or reconciliation) exceeded the threshold; BB84 cannot
 *                        tell noise from Eve, so it presumes her
 */
public record Bb84Stats(int raw, int intercepted, int sifted, int sampled, OptionalDouble qber, int errorsCorrected,
                        int leaked, int verificationBits, int finalLength, boolean aborted, boolean eveDetected) {

    /** The `qkd` object of a run's result, with the spec's snake_case names. */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("raw", raw);
        o.put("sifted", sifted);
        o.put("sampled", sampled);
        if (qber.isPresent()) {
            o.put("qber", qber.getAsDouble());
        } else {
            o.putNull("qber");
        }
        o.put("errors_corrected", errorsCorrected);
        o.put("leaked", leaked);
        o.put("verification_bits", verificationBits);
        o.put("final_length", finalLength);
        o.put("aborted", aborted);
        o.put("eve_detected", eveDetected);
        o.put("eve_intercepted_simulated", intercepted);
        return o;
    }
}
