package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.maml.server.testing.McpFixtures;
import dev.maml.server.testing.OidcProviderFixture;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
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
     * As {@link #start(Path, Path, Path, Preparation)}, with the server on a port chosen first and its
     * tokens' audience its MCP endpoint's resource identifier, {@code http://127.0.0.1:PORT/mcp}, which
     * the provider issues tokens for: how an MCP client's OAuth flow (RFC 8707 resource indicator)
     * gets a token this server takes.
     */
    static OidcServe forMcpResource(Path root, Path receipts, Path trusted, Preparation preparation) throws Exception {
        int port = freePort();
        String resource = "http://127.0.0.1:" + port + "/mcp";
        return start(OidcProviderFixture.start(List.of(resource)), port, resource, root, receipts, trusted, preparation);
    }

    /**
     * A server whose --root ({@code dir/root}) holds the QKD workflow signed with a key it trusts and
     * executable by the provider's client, agent://CLIENT_ID; {@code mcpResource}: tokens are for its
     * /mcp resource, as {@link #forMcpResource}.
     */
    static OidcServe withQkdWorkflow(Path dir, boolean mcpResource) throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path key = SignedDocuments.keyPair(Files.createDirectories(dir.resolve("keys")));
        Preparation qkd = oidc -> SignedDocuments.sign(Files.writeString(root.resolve("qkd.maml.md"),
                McpFixtures.qkdWorkflow("\"agent://" + oidc.clientId() + "\"")), key);
        Path receipts = dir.resolve("receipts");
        Path trusted = SignedDocuments.publicKey(key);
        return mcpResource ? forMcpResource(root, receipts, trusted, qkd) : start(root, receipts, trusted, qkd);
    }

    /** A port free now, for a server that must know its URL before it starts (its audience names it). */
    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static OidcServe start(OidcProviderFixture provider, int port, String audience, Path root, Path receipts,
            Path trusted, Preparation preparation) throws Exception {
        OidcServe both = new OidcServe(provider);
        try {
            preparation.prepare(both.provider);
            both.serve = ServeProcess.start("--root", root.toString(), "--receipts", receipts.toString(), "--port",
                    Integer.toString(port), "--auth", "oidc", "--issuer", both.provider.issuer().toString(),
                    // --audience repeats: a token naming any one of them is taken
                    "--audience", "https://other.example/unused",
                    "--audience", audience != null ? audience : both.provider.audience(), "--trust", trusted.toString());
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
