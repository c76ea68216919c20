package dev.maml.lsp.actions;

import dev.maml.sign.Outcome;
import dev.maml.sign.Verification;
import dev.maml.toolchain.Verified;

/**
 * The answer of "Verify signature" as typed fields, so an editor never parses the message back
 * (the VS Code extension's status bar reads {@code outcome} and {@code trusted}). The fields
 * follow `maml verify --format json`: {@code outcome} is the spec's word ("valid",
 * "valid-untrusted", "invalid", "unsigned", "malformed") or "error" when the document could not
 * be verified at all (no signing in this build, a trust store that cannot be read);
 * {@code algorithm} ("ml-dsa-65") and {@code keyId} (which names the signer: a key is all a
 * signature says about who made it) are null when the signature could not be read.
 */
public record VerificationResult(String outcome, boolean valid, boolean trusted, String algorithm, String keyId,
                                 String reason, String message) implements CommandAnswer {

    public static final String ERROR = "error";

    /** The {@link dev.maml.toolchain.Toolchain}'s check, as `maml verify --format json` reports it. */
    public static VerificationResult of(Verified verified) {
        Verification v = verified.verification();
        return new VerificationResult(v.outcome().label(), v.outcome().signatureValid(), v.outcome() == Outcome.VALID,
                v.algorithm() == null ? null : v.algorithm().id(), v.keyId(), v.reason(),
                v.outcome().label() + ": " + v.reason());
    }

    /** The document was not verified: {@code message} says why. */
    public static VerificationResult error(String message) {
        return new VerificationResult(ERROR, false, false, null, null, message, message);
    }

    /** Shown as information only when the signature is valid by a trusted key. */
    @Override
    public boolean ok() {
        return trusted;
    }
}
