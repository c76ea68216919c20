package dev.maml.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.maml.run.Identity;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code --auth oidc} (spec 11.1): the caller presents an OAuth 2.0 access token (a JWT, e.g. a
 * client-credentials token from AWS Cognito or any OIDC provider), verified against the keys the
 * issuer publishes. The identity is {@code agent://} + the token's identity claim.
 */
public final class OidcAuthenticator implements Authenticator {

    /** At most one JWKS refetch per interval, however many tokens name unknown keys. */
    static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);

    /**
     * RFC 9068 access tokens ({@code at+jwt}), plain JWTs, and untyped ones (AWS Cognito's access
     * tokens carry no {@code typ}).
     */
    private static final DefaultJOSEObjectTypeVerifier<SecurityContext> TYPES = new DefaultJOSEObjectTypeVerifier<>(
            new HashSet<>(Arrays.asList(new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"),
                    JOSEObjectType.JWT, null)));

    private final URI issuer;
    private final IssuerKeys keys;
    private final AccessTokenClaims claimsVerifier;
    private final String identityClaim;

    OidcAuthenticator(URI issuer, IssuerKeys keys, AccessTokenClaims claimsVerifier, String identityClaim) {
        this.issuer = issuer;
        this.keys = keys;
        this.claimsVerifier = claimsVerifier;
        this.identityClaim = identityClaim;
    }

    @Override
    public Optional<URI> authorizationServer() {
        return Optional.of(issuer);
    }

    /**
     * Reads the issuer's discovery document and keys.
     *
     * @param issuer the issuer, exactly as its tokens name it in {@code iss}
     * @param audiences what {@code aud} must contain one of; empty accepts any, and tokens without it (Cognito)
     * @param identityClaim the claim naming the caller ({@code sub} when a token lacks it)
     * @throws IOException (one line, for the operator) when the issuer's documents cannot be
     *     fetched or do not fit together
     */
    public static OidcAuthenticator discover(URI issuer, Set<String> audiences, String identityClaim) throws IOException {
        return discover(issuer, audiences, identityClaim, Clock.systemUTC(), MIN_REFETCH_INTERVAL);
    }

    static OidcAuthenticator discover(URI issuer, Set<String> audiences, String identityClaim, Clock clock,
            Duration minRefetchInterval) throws IOException {
        try {
            IssuerFetcher fetcher = new IssuerFetcher(IssuerFetcher.DEFAULT_TIMEOUT);
            IssuerKeys keys = new IssuerKeys(fetcher, IssuerDiscovery.jwksUri(fetcher, issuer), clock, minRefetchInterval);
            return new OidcAuthenticator(issuer, keys, new AccessTokenClaims(issuer.toString(), audiences, clock), identityClaim);
        } catch (IOException e) {
            throw new IOException("cannot use the OIDC issuer " + issuer + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Identity authenticate(@Nullable String authorization) throws Unauthorized {
        SignedJWT jwt = signed(BearerCredentials.token(authorization));
        JWSHeader header = jwt.getHeader();
        if (!TYPES.getAllowedTypes().contains(header.getType())) {
            throw invalid("the token's type (typ) is not an access token's: at+jwt, JWT or none are accepted");
        }
        IssuerKeys.Current current = keys.forKey(header.getKeyID());
        if (header.getKeyID() != null && current.jwks().getKeyByKeyId(header.getKeyID()) == null) {
            throw invalid("the token is signed with a key the issuer does not publish (unknown kid)");
        }
        if (!current.algorithms().contains(header.getAlgorithm())) {
            throw invalid("the token's signing algorithm (alg) is not one the issuer's keys allow: "
                    + current.algorithms().stream().map(JWSAlgorithm::getName).collect(Collectors.joining(", ")));
        }
        return identity(verified(jwt, current));
    }

    private static SignedJWT signed(String token) throws Unauthorized {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw invalid("the token is not a JWT");
        }
        if (jwt instanceof SignedJWT signed) {
            return signed;
        }
        throw invalid(jwt instanceof EncryptedJWT ? "encrypted tokens are not accepted" : "the token is not signed (alg none)");
    }

    /** Signature and claims, checked by Nimbus's processor with only the issuer's keys and algorithms. */
    private JWTClaimsSet verified(SignedJWT jwt, IssuerKeys.Current current) throws Unauthorized {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(TYPES);
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(current.algorithms(), new ImmutableJWKSet<>(current.jwks())));
        processor.setJWTClaimsSetVerifier(claimsVerifier);
        try {
            return processor.process(jwt, null);
        } catch (AccessTokenClaims.Rejected e) {
            throw invalid(e.getMessage());
        } catch (BadJWSException e) {
            throw invalid("the token's signature does not verify with the issuer's keys");
        } catch (BadJWTException e) {
            throw invalid("the token's claims are malformed");
        } catch (BadJOSEException | JOSEException e) {
            throw invalid("the token cannot be verified with the issuer's keys");
        }
    }

    private Identity identity(JWTClaimsSet claims) throws Unauthorized {
        String claim = claims.getClaim(identityClaim) != null ? identityClaim : "sub";
        Object value = claims.getClaim(claim);
        if (value == null) {
            String missing = identityClaim.equals("sub") ? "sub" : identityClaim + " and no sub";
            throw invalid("the token does not name the caller: it has no " + missing + " claim");
        }
        // The name must survive Identity's syntax unchanged: no "*" (a wildcard that permission
        // lists read as everyone), no whitespace that parsing would strip.
        Optional<Identity> identity = value instanceof String name
                ? Identity.parse("agent://" + name).filter(id -> id.name().equals(name) && !id.isWildcard())
                : Optional.empty();
        if (identity.isEmpty()) {
            throw invalid("the token's " + claim + " is not a valid identity name (letters, digits, '.', '_', '-')");
        }
        return identity.get();
    }

    private static Unauthorized invalid(String message) {
        return new Unauthorized("invalid_token", message);
    }
}
