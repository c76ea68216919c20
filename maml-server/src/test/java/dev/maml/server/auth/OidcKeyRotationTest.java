package dev.maml.server.auth;

import static dev.maml.server.auth.ForgedTokens.AT_JWT;
import static dev.maml.server.auth.ForgedTokens.rs256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The issuer rotates its keys: an unknown kid refetches the JWKS, at most once per interval. */
class OidcKeyRotationTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);

    private FakeIssuer issuer;
    private final TestClock clock = new TestClock();
    private RSAKey oldKey;
    private RSAKey newKey;

    @BeforeEach
    void publishTheFirstKey() throws Exception {
        issuer = new FakeIssuer();
        oldKey = key("old");
        newKey = key("new");
        issuer.publish(new JWKSet(oldKey));
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void anUnknownKidRefetchesTheKeysAtMostOncePerInterval() throws Exception {
        OidcAuthenticator oidc = OidcAuthenticator.discover(issuer.issuer(), Set.of(), "client_id", clock, INTERVAL);
        assertEquals(1, issuer.jwksFetches());
        assertEquals("drone-7", oidc.authenticate(bearer(oldKey)).name());
        assertEquals(1, issuer.jwksFetches(), "a known key needs no fetch");

        issuer.publish(new JWKSet(List.of(oldKey, newKey)));
        clock.advance(INTERVAL.minusSeconds(1));
        refusedAsUnknown(oidc, bearer(newKey));
        assertEquals(1, issuer.jwksFetches(), "within the interval of the last fetch nothing is fetched");

        clock.advance(Duration.ofSeconds(1));
        assertEquals("drone-7", oidc.authenticate(bearer(newKey)).name());
        assertEquals(2, issuer.jwksFetches(), "the rotated key was fetched");

        RSAKey madeUp = key("made-up");
        for (int i = 0; i < 5; i++) {
            refusedAsUnknown(oidc, bearer(madeUp));
        }
        assertEquals(2, issuer.jwksFetches(), "a flood of unknown kids does not hammer the issuer");
        clock.advance(INTERVAL);
        refusedAsUnknown(oidc, bearer(madeUp));
        assertEquals(3, issuer.jwksFetches());
        assertEquals("drone-7", oidc.authenticate(bearer(oldKey)).name(), "keys still published keep working");
    }

    @Test
    void aFailedRefetchKeepsTheKeysWeHave() throws Exception {
        OidcAuthenticator oidc = OidcAuthenticator.discover(issuer.issuer(), Set.of(), "client_id", clock, INTERVAL);
        issuer.publishRaw("not json");
        clock.advance(INTERVAL);
        refusedAsUnknown(oidc, bearer(newKey));
        assertEquals(2, issuer.jwksFetches());
        assertEquals("drone-7", oidc.authenticate(bearer(oldKey)).name());
    }

    @Test
    void theAlgorithmsFollowTheKeysTypeWhenTheyNameNone() throws Exception {
        RSAKey untagged = new RSAKeyGenerator(2048).keyID("untagged").generate();
        issuer.publish(new JWKSet(untagged));
        OidcAuthenticator oidc = OidcAuthenticator.discover(issuer.issuer(), Set.of(), "client_id", clock, INTERVAL);
        String ps256 = ForgedTokens.sign(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID("untagged").build(),
                new RSASSASigner(untagged), claims());
        assertEquals("drone-7", oidc.authenticate("Bearer " + ps256).name());
    }

    private String bearer(RSAKey key) throws Exception {
        return "Bearer " + rs256(key, AT_JWT, claims());
    }

    private JWTClaimsSet claims() {
        return ForgedTokens.accessToken(issuer.issuer(), "drone-7", "https://maml.test/api").build();
    }

    private static void refusedAsUnknown(OidcAuthenticator oidc, String header) {
        Unauthorized e = assertThrows(Unauthorized.class, () -> oidc.authenticate(header));
        assertTrue(e.getMessage().contains("unknown kid"), e.getMessage());
    }

    private static RSAKey key(String kid) throws Exception {
        return new RSAKeyGenerator(2048).keyID(kid).algorithm(JWSAlgorithm.RS256).keyUse(KeyUse.SIGNATURE).generate();
    }

    /** A clock the test moves; the tokens' own times stay on the real clock (their validity is not under test). */
    private static final class TestClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
