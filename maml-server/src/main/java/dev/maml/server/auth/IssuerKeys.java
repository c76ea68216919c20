package dev.maml.server.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The issuer's public signing keys (its JWKS), fetched once at start and again when a token names a
 * key that is not among them (the issuer rotated its keys). Refetches are rate-limited, so tokens
 * with made-up key ids cannot make the server hammer the issuer.
 */
final class IssuerKeys {

    /** The keys and the JWS algorithms they allow: never HMAC, never {@code none}. */
    record Current(JWKSet jwks, Set<JWSAlgorithm> algorithms) {
    }

    private static final Map<Curve, JWSAlgorithm> EC_ALGORITHMS = Map.of(
            Curve.P_256, JWSAlgorithm.ES256, Curve.P_384, JWSAlgorithm.ES384,
            Curve.P_521, JWSAlgorithm.ES512, Curve.SECP256K1, JWSAlgorithm.ES256K);

    private final IssuerFetcher fetcher;
    private final URI jwksUri;
    private final Clock clock;
    private final Duration minRefetchInterval;
    private volatile Current current;
    private Instant lastFetch;

    IssuerKeys(IssuerFetcher fetcher, URI jwksUri, Clock clock, Duration minRefetchInterval) throws IOException {
        this.fetcher = fetcher;
        this.jwksUri = jwksUri;
        this.clock = clock;
        this.minRefetchInterval = minRefetchInterval;
        this.lastFetch = clock.instant();
        this.current = fetch();
    }

    /**
     * The keys, refetched first when {@code kid} names none of them and the last fetch is at least
     * the minimum interval old. A failed refetch keeps the keys we have: the token is then refused
     * as signed by an unknown key, and the next attempt waits for the interval again.
     */
    Current forKey(@Nullable String kid) {
        Current keys = current;
        if (kid == null || keys.jwks().getKeyByKeyId(kid) != null) {
            return keys;
        }
        synchronized (this) {
            Instant now = clock.instant();
            if (current.jwks().getKeyByKeyId(kid) == null && !now.isBefore(lastFetch.plus(minRefetchInterval))) {
                lastFetch = now;
                try {
                    current = fetch();
                } catch (IOException e) {
                    // Keep serving with the keys we have; tokens signed with the new key wait for the next refetch.
                }
            }
            return current;
        }
    }

    private Current fetch() throws IOException {
        JWKSet jwks;
        try {
            // Only the public halves: an issuer that publishes a private key by mistake must not
            // make us hold it.
            jwks = JWKSet.parse(fetcher.get(jwksUri)).toPublicJWKSet();
        } catch (ParseException e) {
            throw new IOException(jwksUri + " is not a JWK set");
        }
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        for (JWK key : jwks.getKeys()) {
            algorithms.addAll(algorithms(key));
        }
        if (algorithms.isEmpty()) {
            throw new IOException(jwksUri + " has no RSA or EC signing key");
        }
        return new Current(jwks, Collections.unmodifiableSet(algorithms));
    }

    /** What a key may verify: its {@code alg} when it names one, otherwise what its type and curve allow. */
    private static Set<JWSAlgorithm> algorithms(JWK key) {
        if (key.getKeyUse() != null && !key.getKeyUse().equals(KeyUse.SIGNATURE)) {
            return Set.of();
        }
        Set<JWSAlgorithm> possible = KeyType.RSA.equals(key.getKeyType()) ? JWSAlgorithm.Family.RSA
                : key instanceof ECKey ec && EC_ALGORITHMS.containsKey(ec.getCurve()) ? Set.of(EC_ALGORITHMS.get(ec.getCurve()))
                : Set.of(); // symmetric (HMAC) keys and key types the verifier does not support
        if (key.getAlgorithm() == null) {
            return possible;
        }
        JWSAlgorithm named = JWSAlgorithm.parse(key.getAlgorithm().getName());
        return possible.contains(named) ? Set.of(named) : Set.of();
    }
}
