package dev.maml.sign;

import java.util.Optional;

/**
 * What a verifier requires of a valid signature beyond the key being trusted (spec 8): the weakest
 * ML-DSA parameter set it accepts ({@code --min-algorithm}). A value, not a command-line option, so
 * that {@code maml verify}, {@code maml run} and the servers pass the same setting to the verifier.
 *
 * @param minimum the weakest parameter set accepted
 */
public record SignaturePolicy(Algorithm minimum) {

    /** Every ML-DSA parameter set, the default. */
    public static final SignaturePolicy ANY = new SignaturePolicy(Algorithm.ML_DSA_44);

    /** The policy for a {@code --min-algorithm} value; null or blank means {@link #ANY}. */
    public static SignaturePolicy minimum(String name) {
        if (name == null || name.isBlank()) {
            return ANY;
        }
        Optional<Algorithm> algorithm = Algorithm.resolve(name);
        return new SignaturePolicy(algorithm.orElseThrow(() -> new IllegalArgumentException("--min-algorithm: '"
                + name + "' is not ML-DSA-44, ML-DSA-65 or ML-DSA-87")));
    }

    public boolean accepts(Algorithm algorithm) {
        return algorithm.compareTo(minimum) >= 0;
    }
}
