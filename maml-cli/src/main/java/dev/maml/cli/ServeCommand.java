package dev.maml.cli;

import dev.maml.server.auth.AuthMode;
import dev.maml.server.auth.AuthOptions;
import dev.maml.server.auth.Authenticator;
import dev.maml.server.auth.Authenticators;
import dev.maml.server.http.MamlHttpServer;
import dev.maml.server.http.ServeSettings;
import dev.maml.server.mcp.McpConfig;
import dev.maml.server.mcp.McpServers;
import dev.maml.server.mcp.RebindingProtection;
import dev.maml.server.receipts.DatabaseUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = {"Serve lint, verify and run over HTTP (spec 11.1): POST /execute, POST /lint,"
        + " POST /verify, GET /receipts/{name}, GET /metrics, GET /health.",
        "Prints 'maml serve: listening on http://HOST:PORT' on stderr when ready, one line per request after that;"
                + " SIGTERM or Ctrl-C stops it, letting requests under way finish.",
        "Exit codes: 0 stopped cleanly, 2 bad configuration (nothing was served)."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}); anything but loopback needs --auth tokens or oidc.")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8000",
            description = "Port (default ${DEFAULT-VALUE}; 0: any free port, shown in the 'listening' line).")
    int port;

    @Option(names = "--root", paramLabel = "DIR", required = true,
            description = "The directory posted documents are read as living in: their relative paths, lint config and"
                    + " trust store resolve here, and nothing outside it may be named.")
    Path root;

    @Option(names = "--receipts", paramLabel = "DIR|JDBC-URL", defaultValue = "receipts",
            description = "Where runs write receipts (and sealed payloads); GET /receipts/{name} serves the .mu files"
                    + " (default ./${DEFAULT-VALUE}). A jdbc:postgresql://HOST[:PORT]/DB URL keeps them in PostgreSQL,"
                    + " one chain per document shared by every replica on that database (credentials: PGUSER,"
                    + " PGPASSWORD or the URL's user and password; never printed).")
    String receipts;

    @Option(names = "--auth", paramLabel = "MODE", defaultValue = "none",
            description = "none (every caller is agent://local; loopback only), tokens (--tokens) or oidc (--issuer).")
    String auth;

    @Option(names = "--tokens", paramLabel = "FILE",
            description = "With --auth tokens: YAML 'tokens: [{sha256: <hex of the token>, identity: agent://NAME}]'.")
    Path tokens;

    @Option(names = "--issuer", paramLabel = "URL", description = "With --auth oidc: the OpenID issuer URL.")
    String issuer;

    @Option(names = "--audience", paramLabel = "AUD",
            description = "With --auth oidc: an audience tokens may name; repeat it for more (aud must name one of them).")
    List<String> audiences = List.of();

    @Option(names = "--identity-claim", paramLabel = "NAME", defaultValue = AuthOptions.DEFAULT_IDENTITY_CLAIM,
            description = "With --auth oidc: the claim naming the caller (default ${DEFAULT-VALUE}, then sub).")
    String identityClaim;

    @Option(names = "--public-url", paramLabel = "URL", description = "With --auth oidc: the server's URL as clients"
            + " reach it (e.g. the reverse proxy's https URL), named in /.well-known/oauth-protected-resource"
            + " (default: the loopback URL a request came to); /mcp accepts its name as Host and Origin besides loopback.")
    URI publicUrl;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "" + ServeSettings.DEFAULT_MAX_BODY,
            description = "Largest request body (default ${DEFAULT-VALUE}: 10 MiB); larger ones get 413.")
    long maxBody;

    @Option(names = "--max-concurrent", paramLabel = "N", defaultValue = "" + ServeSettings.DEFAULT_MAX_CONCURRENT,
            description = "Requests served at once (default ${DEFAULT-VALUE}); more wait briefly, then get 503 with Retry-After.")
    int maxConcurrent;

    @Option(names = "--max-streams", paramLabel = "N", defaultValue = "" + ServeSettings.DEFAULT_MAX_STREAMS,
            description = "Long-lived event streams (MCP's GET /mcp) open at once (default ${DEFAULT-VALUE}); they take"
                    + " no --max-concurrent slot; one more gets 503 with Retry-After.")
    int maxStreams;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "A client still trickling in its request after this long is cut off (default ${DEFAULT-VALUE}).")
    long requestTimeout;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "A connection silent this long is closed (default ${DEFAULT-VALUE}).")
    long idleTimeout;

    @Option(names = "--metrics-auth", description = "GET /metrics needs a token too.")
    boolean metricsAuth;

    @Option(names = "--trust", paramLabel = "PUB", description = "Also trust this public key for runs and /verify (repeatable).")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--key", paramLabel = "KEY", description = "ML-DSA private key that signs run results and receipts"
            + " (default: an ephemeral key per run; receipts unsigned).")
    Path key;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        MamlHttpServer server = null;
        McpServers mcp = null;
        BatchedLines requestLog = new BatchedLines(err, "maml-serve-log");
        try {
            server = new MamlHttpServer(settings(), requestLog);
            // MCP at /mcp (spec 11.2) behind the same authentication, limits and log; its workflows are
            // --root's, and its runs write receipts where /execute does (--receipts), so replicas on one
            // database keep one chain per document. Besides loopback names, it answers to the name
            // clients reach it by (--public-url).
            mcp = new McpServers(McpConfig.of(root, key, trust).writingTo(server.runOutputs()));
            server.mount("/mcp", mcp.http(RebindingProtection.hostsOf(publicUrl), RebindingProtection.originsOf(publicUrl)));
            server.start();
        } catch (IOException | IllegalArgumentException e) {
            if (mcp != null) {
                mcp.close();
            }
            if (server != null) {
                try {
                    server.close(); // the receipt store runOutputs() opened
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            requestLog.close();
            err.println("maml serve: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        MamlHttpServer serving = server;
        McpServers endpoint = mcp;
        CountDownLatch stopped = new CountDownLatch(1);
        StopSignals.onTermination(() -> {
            try {
                serving.stop();
            } catch (IOException e) {
                requestLog.close(); // the requests' lines before the failure's
                err.println("maml serve: " + e.getMessage());
            }
            stopped.countDown();
        });
        err.println("maml serve: listening on " + serving.uri());
        err.flush();
        stopped.await();
        endpoint.close();
        requestLog.close();
        err.println("maml serve: stopped");
        err.flush();
        return ExitCodes.OK;
    }

    private ServeSettings settings() throws IOException {
        Authenticator authenticator = Authenticators.create(new AuthOptions(AuthMode.parse(auth), tokens, issuerUri(),
                Set.copyOf(audiences), identityClaim));
        ServeSettings.Builder settings = ServeSettings.builder(root);
        if (DatabaseUrl.names(receipts)) {
            settings.receiptDatabase(receipts);
        } else {
            settings.receipts(Path.of(receipts));
        }
        return settings.bind(bind).port(port).authenticator(authenticator)
                .maxBody(maxBody).maxConcurrent(maxConcurrent).maxStreams(maxStreams).requestTimeout(seconds(requestTimeout, "--request-timeout"))
                .idleTimeout(seconds(idleTimeout, "--idle-timeout")).metricsAuth(metricsAuth).trust(trust).key(key).publicUrl(publicUrl)
                .build();
    }

    private URI issuerUri() {
        if (issuer == null) {
            return null;
        }
        try {
            URI uri = new URI(issuer);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("--issuer must be an http(s) URL, got '" + issuer + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--issuer must be an http(s) URL, got '" + issuer + "'");
        }
    }

    private static Duration seconds(long value, String option) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be a positive number of seconds, got " + value);
        }
        return Duration.ofSeconds(value);
    }
}
