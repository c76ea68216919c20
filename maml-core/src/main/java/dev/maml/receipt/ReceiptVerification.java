package dev.maml.receipt;

import java.util.List;

/**
 * What {@link ReceiptVerifier} found. {@code keyId} and {@code trusted} describe a signature that
 * verified (null/false otherwise); trust is reported, not required, for receipts.
 */
public record ReceiptVerification(List<ReceiptFinding> findings, String sourceId, String keyId, boolean trusted) {

    public ReceiptVerification {
        findings = List.copyOf(findings);
    }

    public boolean valid() {
        return findings.stream().noneMatch(ReceiptFinding::fails);
    }

    public boolean signed() {
        return keyId != null;
    }

    /** The first failing finding's message, or null when the receipt verifies. */
    public String firstProblem() {
        return findings.stream().filter(ReceiptFinding::fails).map(ReceiptFinding::message).findFirst().orElse(null);
    }
}
