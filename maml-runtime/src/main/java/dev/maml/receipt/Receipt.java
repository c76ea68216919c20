package dev.maml.receipt;

import java.time.Instant;

/**
 * The front matter of a {@code .mu} receipt (spec section 9), as written or as read back.
 *
 * @param sourceId   the source document's {@code id}, or null when it has none
 * @param run        present only for receipts of an execution
 * @param prevSha3   SHA3-256 of the previous receipt of the same document, or null for the first
 * @param signer     who signed, or null for an unsigned receipt
 */
public record Receipt(String sourceName, String sourceId, String sourceSha3, Instant createdAt, RunRecord run,
                      String prevSha3, Signer signer) {

    public static final String MU_VERSION = "1.0";

    /** The {@code signer:} block. */
    public record Signer(String method, String keyId, String publicKey) {
    }
}
