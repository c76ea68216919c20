package dev.maml.qkd;

import java.util.Locale;
import java.util.OptionalInt;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a BB84 run ended: with a key, or with one of the protocol's honest failures. Failures are
 * values, not exceptions: the run pipeline reports them (exit code 1) with the statistics gathered.
 */
public sealed interface Bb84Result {

    Bb84Stats stats();

    /** One line for a person. */
    String message();

    /** `key`, `aborted`, `too_few_qubits` or `reconciliation_failed`. */
    String outcome();

    default boolean hasKey() {
        return this instanceof Key;
    }

    /** The statistics plus `outcome`, `message` and, when known, `raw_qubits_needed`. */
    default ObjectNode toJson() {
        ObjectNode o = stats().toJson();
        o.put("outcome", outcome());
        o.put("message", message());
        if (this instanceof TooFewQubits few && few.rawQubitsNeeded().isPresent()) {
            o.put("raw_qubits_needed", few.rawQubitsNeeded().getAsInt());
        }
        return o;
    }

    /** Alice's and Bob's final keys; Bob's was derived from his own measurements. */
    record Key(Bb84Stats stats, Bits aliceKey, Bits bobKey) implements Bb84Result {
        @Override
        public String message() {
            return String.format(Locale.ROOT, "BB84: %d-bit key from %d qubits (sifted %d, QBER %.3f, leaked %d)",
                    stats.finalLength(), stats.raw(), stats.sifted(), stats.qber().orElse(0), stats.leaked());
        }

        @Override
        public String outcome() {
            return "key";
        }
    }

    /**
     * The error rate exceeded the threshold, so the key is presumed known to an eavesdropper.
     *
     * @param stage     where the rate was measured: {@code sample} or {@code reconciliation}
     * @param errorRate the rate measured there
     */
    record Aborted(Bb84Stats stats, String stage, double errorRate, double threshold) implements Bb84Result {
        @Override
        public String message() {
            return String.format(Locale.ROOT, "BB84 aborted: error rate %.3f in the %s exceeds the threshold %.3f;"
                    + " an eavesdropper is presumed", errorRate, stage, threshold);
        }

        @Override
        public String outcome() {
            return "aborted";
        }
    }

    /**
     * The bits left cannot honestly supply the requested key.
     *
     * @param available       the longest final key the run could have given
     * @param rawQubitsNeeded raw qubits that would do at the observed error rate; empty when no number would
     */
    record TooFewQubits(Bb84Stats stats, int requested, int available, OptionalInt rawQubitsNeeded)
            implements Bb84Result {
        @Override
        public String message() {
            String advice;
            if (rawQubitsNeeded.isEmpty()) {
                advice = "at this error rate no number of qubits would give a key";
            } else if (rawQubitsNeeded.getAsInt() <= stats.raw()) {
                advice = "sifting kept unusually few bits this time; another run will most likely give a key";
            } else {
                advice = "about " + rawQubitsNeeded.getAsInt() + " raw qubits (qkd_bits) would be needed";
            }
            return "BB84: " + stats.raw() + " qubits give at most " + available + " bits of secret key, "
                    + requested + " requested; " + advice;
        }

        @Override
        public String outcome() {
            return "too_few_qubits";
        }
    }

    /** After reconciliation Alice's and Bob's verification tags differed: errors were left in Bob's key. */
    record ReconciliationFailed(Bb84Stats stats) implements Bb84Result {
        @Override
        public String message() {
            return "BB84: reconciliation left errors (verification tags differ); no key";
        }

        @Override
        public String outcome() {
            return "reconciliation_failed";
        }
    }
}
