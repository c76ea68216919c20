package dev.maml.server.auth;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The claims an access token must carry to be accepted (spec 11.1): issued by our issuer, not
 * expired, already valid, and meant for us when an audience is configured. Each refusal says which
 * check failed without repeating the token's values.
 */
final class AccessTokenClaims implements JWTClaimsSetVerifier<SecurityContext> {

    /** Tolerance for clocks that disagree a little between the issuer and this server. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /** A failed check; its message is meant for the client. */
    static final class Rejected extends BadJWTException {
        private static final long serialVersionUID = 1L;

        Rejected(String message) {
            super(message);
        }
    }

    private final String issuer;
    /** An {@code aud} must name one of these; empty: any {@code aud}, or none. */
    private final Set<String> audiences;
    private final Clock clock;

    AccessTokenClaims(String issuer, Set<String> audiences, Clock clock) {
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.clock = clock;
    }

    @Override
    public void verify(JWTClaimsSet claims, @Nullable SecurityContext context) throws BadJWTException {
        if (!issuer.equals(claims.getIssuer())) {
            throw new Rejected("the token was not issued by the configured issuer (iss)");
        }
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw new Rejected("the token has no expiry time (exp)");
        }
        if (!now.isBefore(expiry.toInstant().plus(CLOCK_SKEW))) {
            throw new Rejected("the token has expired (exp)");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(CLOCK_SKEW).isBefore(notBefore.toInstant())) {
            throw new Rejected("the token is not valid yet (nbf)");
        }
        if (!audiences.isEmpty() && claims.getAudience().stream().noneMatch(audiences::contains)) {
            throw new Rejected("the token is not meant for this server (aud names none of the configured audiences)");
        }
        // AWS Cognito marks its tokens; an ID token (token_use "id") proves a login, not access.
        if (claims.getClaim("token_use") != null && !"access".equals(claims.getClaim("token_use"))) {
            throw new Rejected("the token is not an access token (token_use)");
        }
    }
}
