package dev.maml.sign;

import java.util.Locale;

/**
 * The verification outcomes of spec section 8, plus BELOW_MINIMUM: a valid signature whose parameter
 * set is weaker than the verifier's {@link SignaturePolicy} (--min-algorithm) allows, refused
 * whether or not its key is trusted.
 */
public enum Outcome {
    VALID, VALID_UNTRUSTED, INVALID, UNSIGNED, MALFORMED, BELOW_MINIMUM;

    /** The spec's word: "valid", "valid-untrusted", "invalid", "unsigned", "malformed". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The signature checks out, whoever made it. */
    public boolean signatureValid() {
        return this == VALID || this == VALID_UNTRUSTED;
    }
}
