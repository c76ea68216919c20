package dev.maml.quadaes;

import com.codahale.shamir.Scheme;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Shamir secret sharing of the data key over GF(256) (com.codahale:shamir), one share per head. */
final class Shares {

    private Shares() {
    }

    /** A fresh random split: shares keyed by head (= x-coordinate) 1..4. */
    static Map<Integer, byte[]> split(byte[] dataKey, int threshold, SecureRandom random) {
        return new TreeMap<>(new Scheme(random, Keyring.HEADS, threshold).split(dataKey));
    }

    /**
     * The data key rebuilt from authenticated shares, checked against the commitment.
     *
     * @param dataKey      null when no {@code threshold} of the shares rebuild the committed key
     * @param inconsistent heads whose share authenticated yet disagrees with the rebuilt key
     */
    record Recovery(byte[] dataKey, Set<Integer> inconsistent) {
    }

    /**
     * Tries each set of {@code threshold} shares until one rebuilds the committed key (at most four
     * joins for four heads), then checks every other share against it.
     */
    static Recovery recover(Map<Integer, byte[]> shares, int threshold, byte[] commitment) {
        List<Integer> heads = new ArrayList<>(new TreeSet<>(shares.keySet()));
        Scheme scheme = new Scheme(new SecureRandom(), Keyring.HEADS, threshold);
        for (int mask = 0; mask < 1 << heads.size(); mask++) {
            if (Integer.bitCount(mask) != threshold) {
                continue;
            }
            Map<Integer, byte[]> subset = new TreeMap<>();
            for (int i = 0; i < heads.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    subset.put(heads.get(i), shares.get(heads.get(i)));
                }
            }
            byte[] key = scheme.join(subset);
            if (MessageDigest.isEqual(DataKey.commitment(key), commitment)) {
                return new Recovery(key, inconsistentOutside(subset, shares, scheme, commitment));
            }
        }
        return new Recovery(null, Set.of());
    }

    /** A share outside the winning set is consistent iff swapping it in for one member still rebuilds the key. */
    private static Set<Integer> inconsistentOutside(Map<Integer, byte[]> winners, Map<Integer, byte[]> all,
                                                    Scheme scheme, byte[] commitment) {
        Set<Integer> bad = new TreeSet<>();
        int dropped = winners.keySet().iterator().next();
        for (Map.Entry<Integer, byte[]> e : all.entrySet()) {
            if (winners.containsKey(e.getKey())) {
                continue;
            }
            Map<Integer, byte[]> swapped = new TreeMap<>(winners);
            swapped.remove(dropped);
            swapped.put(e.getKey(), e.getValue());
            if (!MessageDigest.isEqual(DataKey.commitment(scheme.join(swapped)), commitment)) {
                bad.add(e.getKey());
            }
        }
        return bad;
    }
}
