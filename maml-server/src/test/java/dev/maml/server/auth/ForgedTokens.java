package dev.maml.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.jspecify.annotations.Nullable;

/** Tokens the tests make themselves, to change one thing at a time against a real token's shape. */
final class ForgedTokens {

    static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

    private ForgedTokens() {
    }

    /** The claims of an RFC 9068 client-credentials access token, valid for five minutes from now. */
    static JWTClaimsSet.Builder accessToken(URI issuer, String clientId, String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer.toString()).subject(clientId).audience(audience)
                .claim("client_id", clientId).claim("scope", "maml:run")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    /** Signs with RS256 under the key's id, with this typ (null: none). */
    static String rs256(RSAKey key, @Nullable JOSEObjectType typ, JWTClaimsSet claims) throws JOSEException {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(typ).build(),
                new RSASSASigner(key), claims);
    }

    static String sign(JWSHeader header, JWSSigner signer, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }
}
