package dev.maml.sign;

import java.util.Set;

/** NIST object identifiers of the pure ML-DSA parameter sets (FIPS 204, CSOR). */
final class MlDsaOids {

    private static final Set<String> PURE = Set.of(
            "2.16.840.1.101.3.4.3.17", "2.16.840.1.101.3.4.3.18", "2.16.840.1.101.3.4.3.19");

    private MlDsaOids() {
    }

    static boolean isMlDsa(String oid) {
        return PURE.contains(oid);
    }
}
