package dev.maml.receipt;

import java.time.Instant;

/**
 * What a {@code .mu} receipt states (spec section 9), before it is written; the signer block is
 * added by {@link ReceiptWriter} from the signing key.
 *
 * @param sourceId   the source document's {@code id}, or null when it has none
 * @param run        present only for receipts of an execution
 * @param prevSha3   SHA3-256 of the previous receipt of the same document, or null for the first
 */
public record Receipt(String sourceName, String sourceId, String sourceSha3, Instant createdAt, RunRecord run,
                      String prevSha3) {

    public static final String MU_VERSION = "1.0";
}
