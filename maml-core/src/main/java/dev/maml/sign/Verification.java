package dev.maml.sign;

/**
 * The answer of {@link DocumentVerifier}: an outcome, a sentence saying why, and what was learned
 * about the signer (null where it could not be read).
 */
public record Verification(Outcome outcome, String reason, Algorithm algorithm, String keyId) {

    static Verification of(Outcome outcome, String reason) {
        return new Verification(outcome, reason, null, null);
    }
}
