package dev.maml.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Start-up refusals of --auth oidc: each is one clear line that maml serve turns into exit 2. */
class OidcDiscoveryTest {

    @Test
    void anIssuerWhereNothingListensIsRefused() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        URI issuer = URI.create("http://127.0.0.1:" + port);
        String message = refused(issuer);
        assertTrue(message.startsWith("cannot use the OIDC issuer " + issuer + ": "), message);
        assertTrue(message.contains("connection refused"), message);
    }

    @Test
    void aDiscoveryDocumentNamingAnotherIssuerIsRefused() throws Exception {
        try (FakeIssuer issuer = new FakeIssuer()) {
            issuer.publish(new JWKSet(new RSAKeyGenerator(2048).keyID("k").generate()));
            issuer.nameIssuer("https://elsewhere.example");
            assertTrue(refused(issuer.issuer()).contains("names the issuer \"https://elsewhere.example\", not \""
                    + issuer.issuer() + "\""));
            // Identical means identical: a trailing slash is another issuer.
            issuer.nameIssuer(issuer.issuer() + "/");
            assertTrue(refused(issuer.issuer()).contains("trailing slash"));
            assertEquals(0, issuer.jwksFetches(), "the keys of an issuer that does not match are never fetched");
        }
    }

    @Test
    void aKeySetWithoutUsableSigningKeysIsRefused() throws Exception {
        try (FakeIssuer issuer = new FakeIssuer()) {
            // An HMAC secret is never a verification key: the issuer would be publishing it.
            issuer.publish(new JWKSet(new OctetSequenceKeyGenerator(256).keyID("hmac").generate()));
            assertTrue(refused(issuer.issuer()).contains("has no RSA or EC signing key"));
            issuer.publishRaw("<html>");
            assertTrue(refused(issuer.issuer()).contains("is not a JWK set"));
            issuer.publishRaw("x".repeat(IssuerFetcher.MAX_BYTES + 1));
            assertTrue(refused(issuer.issuer()).contains("sent more than 1024 KiB"));
        }
    }

    @Test
    void anIssuerThatStallsIsCutOffAtTheTimeout() throws Exception {
        try (FakeIssuer issuer = new FakeIssuer()) {
            issuer.dripJwks();
            URI jwks = URI.create(issuer.issuer() + "/jwks");
            long start = System.nanoTime();
            IOException e = assertThrows(IOException.class, () -> new IssuerFetcher(Duration.ofMillis(500)).get(jwks));
            assertEquals(jwks + " did not answer within 500 ms", e.getMessage());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(4).toNanos(), "cut off before the answer ends");
        }
    }

    @Test
    void plainHttpIsRefusedBeyondLoopback() {
        String message = refused(URI.create("http://issuer.example"));
        assertTrue(message.contains("must use https"), message);
        assertTrue(refused(URI.create("http://10.0.0.1:8080")).contains("must use https"));
        assertTrue(refused(URI.create("ftp://issuer.example")).contains("not an http(s) URL"));
    }

    private static String refused(URI issuer) {
        IOException e = assertThrows(IOException.class, () -> OidcAuthenticator.discover(issuer, Set.of(), "client_id"));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }
}
