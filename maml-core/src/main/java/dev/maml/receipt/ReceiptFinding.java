package dev.maml.receipt;

import dev.maml.model.Range;

/**
 * One thing wrong with a receipt. {@code kind} says which check failed, so the CLI and the MU lint
 * rules report the same facts; {@code range} is where in the receipt it shows.
 */
public record ReceiptFinding(Kind kind, String message, Range range) {

    public enum Kind {
        /** Not a receipt as spec section 9 writes one (front matter, required keys, value forms). */
        FRONT_MATTER,
        /** A mirror other than text-reversal: the body cannot be un-mirrored exactly. */
        MIRROR,
        /** The un-mirrored body does not have the digest the front matter states. */
        DIGEST,
        /** The source document does not have the digest the front matter states. */
        SOURCE,
        /** The signature (or the signer block) does not check out. */
        SIGNATURE,
        /** No signature: integrity rests on the digest alone, which anyone can recompute. */
        UNSIGNED
    }

    /** Every kind but UNSIGNED means the receipt does not verify. */
    public boolean fails() {
        return kind != Kind.UNSIGNED;
    }
}
