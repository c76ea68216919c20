package dev.maml.sign;

import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.jcajce.spec.MLDSAParameterSpec;

/**
 * The ML-DSA parameter sets (FIPS 204), weakest first (the order {@link SignaturePolicy} compares
 * by), and the names documents use for them. Round-3 names
 * ("Dilithium3", "crystals-dilithium") are resolved here because Bouncy Castle 1.87 rejects them;
 * they are aliases only: FIPS 204 signatures are not byte-compatible with round-3 Dilithium.
 */
public enum Algorithm {
    ML_DSA_44("ml-dsa-44", MLDSAParameterSpec.ml_dsa_44, "dilithium2"),
    ML_DSA_65("ml-dsa-65", MLDSAParameterSpec.ml_dsa_65, "dilithium3"),
    ML_DSA_87("ml-dsa-87", MLDSAParameterSpec.ml_dsa_87, "dilithium5");

    public static final Algorithm DEFAULT = ML_DSA_65;

    private final String id;
    private final MLDSAParameterSpec spec;
    private final String legacyName;

    Algorithm(String id, MLDSAParameterSpec spec, String legacyName) {
        this.id = id;
        this.spec = spec;
        this.legacyName = legacyName;
    }

    /** The name written into documents: "ml-dsa-65". */
    public String id() {
        return id;
    }

    /** The FIPS 204 name: "ML-DSA-65". */
    public String fipsName() {
        return id.toUpperCase(Locale.ROOT);
    }

    MLDSAParameterSpec spec() {
        return spec;
    }

    /** Resolves a FIPS name (any case, "-" or "_" or nothing between the parts) or a legacy alias. */
    public static Optional<Algorithm> resolve(String name) {
        String n = normalise(name);
        for (Algorithm a : values()) {
            if (n.equals(normalise(a.id)) || n.equals(a.legacyName)) {
                return Optional.of(a);
            }
        }
        return n.equals("crystalsdilithium") ? Optional.of(ML_DSA_65) : Optional.empty();
    }

    /** True for the round-3 names (Dilithium2/3/5, crystals-dilithium) that resolve to an ML-DSA set. */
    public static boolean isLegacyName(String name) {
        String n = normalise(name);
        return resolve(name).isPresent() && !n.startsWith("mldsa");
    }

    /** The parameter set of a Bouncy Castle key, from its algorithm name ("ML-DSA-65"). */
    static Algorithm ofKeyAlgorithm(String keyAlgorithm) {
        return resolve(keyAlgorithm).filter(a -> normalise(keyAlgorithm).startsWith("mldsa"))
                .orElseThrow(() -> new IllegalArgumentException("not an ML-DSA key: " + keyAlgorithm));
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    @Override
    public String toString() {
        return fipsName();
    }
}
