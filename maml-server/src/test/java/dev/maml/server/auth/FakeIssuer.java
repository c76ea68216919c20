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
import java.util.concurrent.Executors;
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
    private volatile boolean drip;

    FakeIssuer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        namedIssuer = issuer().toString();
        server.createContext("/.well-known/openid-configuration", exchange -> answer(exchange,
                JSONObjectUtils.toJSONString(Map.of("issuer", namedIssuer, "jwks_uri", issuer() + "/jwks"))));
        server.createContext("/jwks", exchange -> {
            jwksFetches.incrementAndGet();
            if (drip) {
                dripOneByte(exchange);
            } else {
                answer(exchange, jwks);
            }
        });
        // Handlers on their own threads, so a dripping answer does not hold the others (or stop()).
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-issuer");
            t.setDaemon(true);
            return t;
        }));
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

    /** Makes the JWKS answer start and then stall, like a server that sends a byte now and then. */
    void dripJwks() {
        drip = true;
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

    private static void dripOneByte(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try (var out = exchange.getResponseBody()) {
            out.write('{');
            out.flush();
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
