package dev.maml.server.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-made issuer on loopback whose documents a test changes at will (a rotated key set, a
 * discovery document naming someone else) and which counts the JWKS fetches; the real provider
 * (OidcProviderFixture) cannot be made to misbehave like that.
 */
final class FakeIssuer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private volatile String jwks = "{\"keys\":[]}";
    private volatile String namedIssuer;

    FakeIssuer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        namedIssuer = issuer().toString();
        server.createContext("/.well-known/openid-configuration", exchange -> answer(exchange,
                JSONObjectUtils.toJSONString(Map.of("issuer", namedIssuer, "jwks_uri", issuer() + "/jwks"))));
        server.createContext("/jwks", exchange -> {
            jwksFetches.incrementAndGet();
            answer(exchange, jwks);
        });
        server.start();
    }

    URI issuer() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Publishes these public keys from now on. */
    void publish(JWKSet keys) {
        jwks = JSONObjectUtils.toJSONString(keys.toPublicJWKSet().toJSONObject());
    }

    /** Serves this text as the JWKS from now on. */
    void publishRaw(String text) {
        jwks = text;
    }

    /** Makes the discovery document name this issuer instead of itself. */
    void nameIssuer(String issuer) {
        namedIssuer = issuer;
    }

    int jwksFetches() {
        return jwksFetches.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
