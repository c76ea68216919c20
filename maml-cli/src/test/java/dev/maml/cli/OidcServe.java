package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.maml.server.testing.OidcProviderFixture;
import java.nio.file.Path;
import java.util.List;

/**
 * A real OAuth 2.0 server (npm oidc-provider) and `maml serve --auth oidc` in its own JVM taking its
 * tokens, for one test class: started in {@code @BeforeAll}, closed in {@code @AfterAll}, where the
 * server must stop cleanly on SIGTERM (exit 0).
 */
final class OidcServe implements AutoCloseable {

    /** What a test puts into --root once it knows the provider (its clients' identities) and before the server starts. */
    interface Preparation {
        void prepare(OidcProviderFixture provider) throws Exception;
    }

    private final OidcProviderFixture provider;
    private ServeProcess serve;

    private OidcServe(OidcProviderFixture provider) {
        this.provider = provider;
    }

    /**
     * The provider, {@code preparation}, then `maml serve --root root --receipts receipts --auth oidc …
     * --trust trusted` on a free port.
     */
    static OidcServe start(Path root, Path receipts, Path trusted, Preparation preparation) throws Exception {
        return start(OidcProviderFixture.start(), 0, null, root, receipts, trusted, preparation);
    }

    /**
     * As {@link #start(Path, Path, Path, Preparation)}, with the server on {@code port} and its
     * tokens' audience its MCP endpoint's resource identifier, {@code http://127.0.0.1:PORT/mcp}, which
     * the provider issues tokens for: how an MCP client's OAuth flow (RFC 8707 resource indicator)
     * gets a token this server takes.
     */
    static OidcServe forMcpResource(int port, Path root, Path receipts, Path trusted, Preparation preparation) throws Exception {
        String resource = "http://127.0.0.1:" + port + "/mcp";
        return start(OidcProviderFixture.start(List.of(resource)), port, resource, root, receipts, trusted, preparation);
    }

    private static OidcServe start(OidcProviderFixture provider, int port, String audience, Path root, Path receipts,
            Path trusted, Preparation preparation) throws Exception {
        OidcServe both = new OidcServe(provider);
        try {
            preparation.prepare(both.provider);
            both.serve = ServeProcess.start("--root", root.toString(), "--receipts", receipts.toString(), "--port",
                    Integer.toString(port), "--auth", "oidc", "--issuer", both.provider.issuer().toString(), "--audience",
                    audience != null ? audience : both.provider.audience(), "--trust", trusted.toString());
            assertNotNull(both.serve.uri(), both.log());
            return both;
        } catch (Exception | AssertionError e) {
            both.close();
            throw e;
        }
    }

    OidcProviderFixture provider() {
        return provider;
    }

    /** {@code http://127.0.0.1:PORT} of the server. */
    String uri() {
        return serve.uri();
    }

    /** The server's stderr, for failure messages. */
    String log() {
        return String.join("\n", serve.stderr());
    }

    @Override
    public void close() throws Exception {
        try {
            if (serve != null) {
                assertEquals(0, serve.terminate(), log());
                serve.close();
            }
        } finally {
            provider.close();
        }
    }
}
