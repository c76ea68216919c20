package dev.maml.server.testing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.maml.io.PrivateDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real OAuth 2.0 authorization server on loopback: npm {@code oidc-provider} (interop/oidc-provider)
 * with two client-credentials clients (the caller {@link #clientId()} and another one, for tests
 * where a second identity must be refused) and a fresh RSA signing key that the test also holds, so it can
 * both fetch real tokens and forge tokens with the issuer's own key. Start it once per test class
 * ({@code @BeforeAll}) and close it in {@code @AfterAll}.
 */
public final class OidcProviderFixture implements AutoCloseable {

    /** How a token endpoint answered. */
    public record TokenResponse(int status, String body) {
    }

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    private static final String CLIENT_ID = "drone-7";
    private static final String OTHER_CLIENT_ID = "drone-9";
    private static final String AUDIENCE = "https://maml.test/api";
    private static final String SCOPE = "maml:run";

    private final ChildProcess server;
    private final PrivateDirectory dir;
    private final URI issuer;
    private final URI tokenEndpoint;
    private final String clientSecret;
    private final String otherClientSecret;
    private final RSAKey key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

    private OidcProviderFixture(ChildProcess server, PrivateDirectory dir, URI issuer, String clientSecret, String otherClientSecret,
            RSAKey key) throws Exception {
        this.server = server;
        this.dir = dir;
        this.issuer = issuer;
        this.clientSecret = clientSecret;
        this.otherClientSecret = otherClientSecret;
        this.key = key;
        this.tokenEndpoint = URI.create(discoveryDocument().get("token_endpoint").toString());
    }

    /**
     * Installs and starts the provider (skipped without node and npm, except under CI=true).
     *
     * @param accessTokenTtl how long the access tokens it issues are valid
     */
    public static OidcProviderFixture start(Duration accessTokenTtl) throws Exception {
        return start(accessTokenTtl, List.of());
    }

    /**
     * The provider with five-minute tokens that also issues tokens for {@code resources}: resource
     * indicators (RFC 8707) such as an MCP server's URL, which a client names in its token request
     * and the token then names in {@code aud}, as the MCP authorization spec has it.
     */
    public static OidcProviderFixture start(List<String> resources) throws Exception {
        return start(Duration.ofMinutes(5), resources);
    }

    private static OidcProviderFixture start(Duration accessTokenTtl, List<String> resources) throws Exception {
        Path peer = NpmPeer.installed("oidc-provider");
        PrivateDirectory dir = PrivateDirectory.create("maml-oidc-provider-");
        RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
                .algorithm(JWSAlgorithm.RS256).keyUse(KeyUse.SIGNATURE).generate();
        String clientSecret = secret();
        String otherClientSecret = secret();
        Path jwks = dir.path().resolve("jwks.json");
        Files.writeString(jwks, JSONObjectUtils.toJSONString(new JWKSet(key).toJSONObject(false)));
        Path config = dir.path().resolve("config.json");
        Files.writeString(config, JSONObjectUtils.toJSONString(Map.of(
                "clients", List.of(Map.of("clientId", CLIENT_ID, "clientSecret", clientSecret),
                        Map.of("clientId", OTHER_CLIENT_ID, "clientSecret", otherClientSecret)),
                "audience", AUDIENCE, "scope", SCOPE,
                "jwksFile", jwks.toString(), "accessTokenTtl", accessTokenTtl.toSeconds(), "resources", resources)));
        ChildProcess server = ChildProcess.start(peer, dir.path().resolve("stderr.log"),
                List.of("node", "server.mjs", config.toString()));
        try {
            String ready = server.readLine(STARTUP_TIMEOUT);
            URI issuer = URI.create(JSONObjectUtils.parse(ready).get("issuer").toString());
            return new OidcProviderFixture(server, dir, issuer, clientSecret, otherClientSecret, key);
        } catch (Exception e) {
            try {
                server.close();
            } finally {
                dir.close();
            }
            throw e;
        }
    }

    /** The provider with access tokens valid for five minutes. */
    public static OidcProviderFixture start() throws Exception {
        return start(Duration.ofMinutes(5));
    }

    public URI issuer() {
        return issuer;
    }

    public String clientId() {
        return CLIENT_ID;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The second client: a registered caller with an identity of its own, agent://drone-9. */
    public String otherClientId() {
        return OTHER_CLIENT_ID;
    }

    /** The resource indicator the provider's access tokens name in {@code aud}. */
    public String audience() {
        return AUDIENCE;
    }

    public String scope() {
        return SCOPE;
    }

    /** The provider's signing key, private half included (for forging tokens the issuer's key signs). */
    public RSAKey privateJwk() {
        return key;
    }

    /** A client-credentials access token of {@link #clientId()}, fetched from the token endpoint as a drone would. */
    public String token() throws IOException, InterruptedException {
        return token(CLIENT_ID, clientSecret);
    }

    /** A client-credentials access token of {@link #otherClientId()}, fetched as {@link #token()} is. */
    public String otherClientToken() throws IOException, InterruptedException {
        return token(OTHER_CLIENT_ID, otherClientSecret);
    }

    private String token(String clientId, String secret) throws IOException, InterruptedException {
        TokenResponse response = tokenResponse(clientId, secret);
        if (response.status() != 200) {
            throw new IOException("the provider refused the client-credentials request: " + response);
        }
        try {
            return JSONObjectUtils.getString(JSONObjectUtils.parse(response.body()), "access_token");
        } catch (ParseException e) {
            throw new IOException("the provider's token response is not JSON: " + response.body(), e);
        }
    }

    /** The token endpoint's answer to a client-credentials request (RFC 6749 4.4) with these credentials. */
    public TokenResponse tokenResponse(String clientId, String secret) throws IOException, InterruptedException {
        // RFC 6749 2.3.1: the id and secret are form-encoded before they go into Basic.
        String basic = Base64.getEncoder().encodeToString((form(clientId) + ":" + form(secret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(HTTP_TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + form(SCOPE)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new TokenResponse(response.statusCode(), response.body());
    }

    /** The stderr of the provider so far, for failure messages. */
    public String log() throws IOException {
        return server.stderr();
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            dir.close();
        }
    }

    private Map<String, Object> discoveryDocument() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(HTTP_TIMEOUT).build();
        return JSONObjectUtils.parse(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String secret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
