package dev.maml.server.auth;

import static dev.maml.server.auth.ForgedTokens.AT_JWT;
import static dev.maml.server.auth.ForgedTokens.rs256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.maml.run.Identity;
import dev.maml.server.testing.OidcProviderFixture;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --auth oidc} against a real OAuth 2.0 authorization server (npm oidc-provider): its own
 * client-credentials tokens, and tokens forged with its key (or another) that each break one rule.
 */
class OidcAuthenticatorTest {

    private static OidcProviderFixture provider;
    /** With --audience set to the provider's resource indicator. */
    private static OidcAuthenticator withAudience;
    /** Without --audience, as for AWS Cognito, whose access tokens carry no aud. */
    private static OidcAuthenticator withoutAudience;

    @BeforeAll
    static void startProvider() throws Exception {
        provider = OidcProviderFixture.start();
        withAudience = OidcAuthenticator.discover(provider.issuer(), Set.of(provider.audience()), "client_id");
        withoutAudience = OidcAuthenticator.discover(provider.issuer(), Set.of(), "client_id");
    }

    @AfterAll
    static void stopProvider() throws Exception {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void theProvidersOwnTokenNamesItsClient() throws Exception {
        String token = provider.token();
        assertEquals(new Identity("agent", provider.clientId()), withAudience.authenticate("Bearer " + token));
        assertEquals(new Identity("agent", provider.clientId()), withoutAudience.authenticate("bearer  " + token + " "));
    }

    @Test
    void aWrongClientSecretGetsNoTokenFromTheIssuer() throws Exception {
        OidcProviderFixture.TokenResponse response = provider.tokenResponse(provider.clientId(), provider.clientSecret() + "x");
        assertEquals(401, response.status(), response.body());
        assertTrue(response.body().contains("\"invalid_client\""), response.body());
    }

    @Test
    void aTokenForgedWithTheIssuersKeyIsAcceptedLikeARealOne() throws Exception {
        // The control for the rejections below: only the one changed claim or header makes them fail.
        assertEquals("agent://" + provider.clientId(), withAudience.authenticate("Bearer " + forge(claims().build())).uri());
    }

    @Test
    void anExpiredTokenIsRefusedAfterTheClockSkew() throws Exception {
        Instant now = Instant.now();
        rejected(withAudience, forge(claims().expirationTime(Date.from(now.minusSeconds(90))).build()), "expired");
        // Within the 60 s skew: still accepted (the issuer's clock may run ahead of ours).
        withAudience.authenticate("Bearer " + forge(claims().expirationTime(Date.from(now.minusSeconds(30))).build()));
        JWTClaimsSet noExpiry = new JWTClaimsSet.Builder(claims().build()).expirationTime(null).build();
        rejected(withAudience, forge(noExpiry), "no expiry");
    }

    @Test
    void aTokenNotYetValidIsRefusedBeyondTheClockSkew() throws Exception {
        Instant now = Instant.now();
        rejected(withAudience, forge(claims().notBeforeTime(Date.from(now.plusSeconds(300))).build()), "not valid yet");
        withAudience.authenticate("Bearer " + forge(claims().notBeforeTime(Date.from(now.plusSeconds(30))).build()));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        rejected(withAudience, forge(claims().issuer("https://evil.example").build()), "issuer");
        rejected(withAudience, forge(claims().issuer(provider.issuer() + "/").build()), "issuer");
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedWhenAnAudienceIsSet() throws Exception {
        String other = forge(claims().audience("https://other.example/api").build());
        rejected(withAudience, other, "aud");
        assertEquals(provider.clientId(), withoutAudience.authenticate("Bearer " + other).name());
    }

    @Test
    void withSeveralAudiencesATokenNamingAnyOfThemIsTakenAndOneNamingNoneIsRefused() throws Exception {
        String mcp = provider.audience() + "/mcp";
        OidcAuthenticator both = OidcAuthenticator.discover(provider.issuer(), Set.of(provider.audience(), mcp), "client_id");
        assertEquals(provider.clientId(), both.authenticate("Bearer " + provider.token()).name());
        assertEquals(provider.clientId(), both.authenticate("Bearer " + forge(claims().audience(mcp).build())).name());
        assertEquals(provider.clientId(),
                both.authenticate("Bearer " + forge(claims().audience(List.of("https://other.example/api", mcp)).build())).name());
        rejected(both, forge(claims().audience("https://other.example/api").build()), "aud");
        rejected(both, forge(claims().audience(provider.audience() + "/").build()), "aud");
        rejected(both, forge(new JWTClaimsSet.Builder(claims().build()).audience((String) null).build()), "aud");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        RSAKey sameIdOtherKey = new RSAKeyGenerator(2048).keyID(provider.privateJwk().getKeyID()).generate();
        rejected(withAudience, rs256(sameIdOtherKey, AT_JWT, claims().build()), "signature");
    }

    @Test
    void aKeyIdTheIssuerDoesNotPublishIsRefused() throws Exception {
        RSAKey unknown = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        rejected(withAudience, rs256(unknown, AT_JWT, claims().build()), "unknown kid");
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        rejected(withAudience, new PlainJWT(claims().build()).serialize(), "not signed");
    }

    @Test
    void hs256KeyedWithTheIssuersPublicKeyIsRefused() throws Exception {
        // The classic confusion attack: a verifier that took the JWK for an HMAC secret would accept it.
        byte[] publicKey = provider.privateJwk().toRSAPublicKey().getEncoded();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(provider.privateJwk().getKeyID()).type(AT_JWT).build();
        rejected(withAudience, ForgedTokens.sign(header, new MACSigner(publicKey), claims().build()), "algorithm");
    }

    @Test
    void anRs512TokenIsRefusedWhenTheKeySaysRs256() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(provider.privateJwk().getKeyID()).type(AT_JWT).build();
        rejected(withAudience, ForgedTokens.sign(header, new RSASSASigner(provider.privateJwk()),
                claims().build()), "algorithm");
    }

    @Test
    void aCognitoShapedAccessTokenIsAcceptedWithoutAudience() throws Exception {
        // AWS Cognito client-credentials access token: no typ, no aud, token_use "access".
        JWTClaimsSet cognito = new JWTClaimsSet.Builder(claims().build()).audience((String) null)
                .claim("token_use", "access").build();
        String token = rs256(provider.privateJwk(), null, cognito);
        assertEquals(new Identity("agent", provider.clientId()), withoutAudience.authenticate("Bearer " + token));
        rejected(withAudience, token, "aud");
        JWTClaimsSet idToken = new JWTClaimsSet.Builder(cognito).claim("token_use", "id").build();
        rejected(withoutAudience, rs256(provider.privateJwk(), null, idToken), "not an access token");
    }

    @Test
    void typesOtherThanAccessTokensAndJwtAreRefused() throws Exception {
        assertEquals(provider.clientId(), withAudience.authenticate("Bearer "
                + rs256(provider.privateJwk(), JOSEObjectType.JWT, claims().build())).name());
        rejected(withAudience, rs256(provider.privateJwk(), new JOSEObjectType("logout+jwt"), claims().build()), "typ");
    }

    @Test
    void theIdentityFallsBackToSubAndMustBeAValidName() throws Exception {
        JWTClaimsSet noClientId = new JWTClaimsSet.Builder(claims().build()).claim("client_id", null).subject("sensor-3").build();
        assertEquals(new Identity("agent", "sensor-3"), withAudience.authenticate("Bearer " + forge(noClientId)));
        rejected(withAudience, forge(claims().claim("client_id", "*").build()), "client_id is not a valid identity name");
        rejected(withAudience, forge(claims().claim("client_id", "drone 7").build()), "not a valid identity name");
        rejected(withAudience, forge(claims().claim("client_id", 7).build()), "not a valid identity name");
        JWTClaimsSet nobody = new JWTClaimsSet.Builder(noClientId).subject(null).build();
        rejected(withAudience, forge(nobody), "it has no client_id and no sub claim");
        OidcAuthenticator bySub = OidcAuthenticator.discover(provider.issuer(), Set.of(provider.audience()), "sub");
        rejected(bySub, forge(nobody), "it has no sub claim");
    }

    @Test
    void anotherIdentityClaimCanBeConfigured() throws Exception {
        OidcAuthenticator byAzp = OidcAuthenticator.discover(provider.issuer(), Set.of(provider.audience()), "azp");
        assertEquals("agent://mission-ops", byAzp.authenticate("Bearer " + forge(claims().claim("azp", "mission-ops").build())).uri());
    }

    @Test
    void aRequestWithoutBearerCredentialsGetsNoErrorCode() {
        // RFC 6750 3.1: no credentials (or another scheme) is not an error of the token.
        for (String header : new String[] {null, "", "Basic ZHJvbmU6c2VjcmV0"}) {
            Unauthorized e = assertThrows(Unauthorized.class, () -> withAudience.authenticate(header));
            assertNull(e.errorCode(), header);
        }
        for (String header : new String[] {"Bearer", "Bearer ", "Bearer two words", "Bearer a\"b"}) {
            assertEquals("invalid_request", assertThrows(Unauthorized.class, () -> withAudience.authenticate(header)).errorCode());
        }
        rejected(withAudience, "not-a-jwt", "not a JWT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b.c", "e30.e30.c2ln", "e30.e30.", "eyJhbGciOiJSUzI1NiJ9..", "eyJhbGciOjF9.e30.c2ln",
        "eyJhbGciOiJSUzI1NiIsImtpZCI6MX0.e30.c2ln", "eyJhbGciOiJub25lIn0.e30.c2ln", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln",
        "eyJhbGciOiJSUzI1NiIsImNyaXQiOlsiZXhwIl19.e30.c2ln", "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d"})
    void malformedTokensAreRefusedAsInvalid(String token) {
        Unauthorized e = assertThrows(Unauthorized.class, () -> withAudience.authenticate("Bearer " + token));
        assertEquals("invalid_token", e.errorCode());
    }

    private static JWTClaimsSet.Builder claims() {
        return ForgedTokens.accessToken(provider.issuer(), provider.clientId(), provider.audience());
    }

    private static String forge(JWTClaimsSet claims) throws Exception {
        return rs256(provider.privateJwk(), AT_JWT, claims);
    }

    /** Refused as invalid_token, saying why, without echoing any part of the token. */
    private static void rejected(OidcAuthenticator authenticator, String token, String why) {
        Unauthorized e = assertThrows(Unauthorized.class, () -> authenticator.authenticate("Bearer " + token));
        assertEquals("invalid_token", e.errorCode());
        assertTrue(e.getMessage().contains(why), "expected \"" + why + "\" in: " + e.getMessage());
        for (String part : token.split("\\.")) {
            assertFalse(!part.isEmpty() && e.getMessage().contains(part), "the message echoes the token: " + e.getMessage());
        }
        assertNull(e.getCause(), "no stack trace to leak");
    }
}
