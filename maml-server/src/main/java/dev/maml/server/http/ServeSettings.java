package dev.maml.server.http;

import dev.maml.server.auth.Authenticator;
import dev.maml.server.auth.NoAuthentication;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How `maml serve` runs (spec 11.1), immutable: where it listens, the tree posted documents may
 * name files in (--root), where receipts go, who may call, the limits, and the keys runs use.
 * Built with {@link #builder(Path)}; every option starts at the command line's default.
 */
public final class ServeSettings {

    /** --max-body's default: 10 MiB. */
    public static final long DEFAULT_MAX_BODY = 10L << 20;
    /** --max-concurrent's default: enough to keep two cores busy with runs while probes still answer. */
    public static final int DEFAULT_MAX_CONCURRENT = 16;
    /** --max-streams's default: idle event streams cost a connection and a session each, no thread. */
    public static final int DEFAULT_MAX_STREAMS = 64;

    private final String bind;
    private final int port;
    private final Path root;
    private final Path receipts;
    private final @Nullable String receiptDatabase;
    private final Authenticator authenticator;
    private final long maxBody;
    private final int maxConcurrent;
    private final int maxStreams;
    private final Duration idleTimeout;
    private final Duration requestTimeout;
    private final Duration stopTimeout;
    private final List<Path> trust;
    private final @Nullable Path key;
    private final boolean metricsAuth;
    private final @Nullable URI publicUrl;

    private ServeSettings(Builder b) {
        this.bind = b.bind;
        this.port = b.port;
        this.root = b.root;
        this.receipts = b.receipts != null ? b.receipts : Path.of("receipts");
        this.receiptDatabase = b.receiptDatabase;
        this.authenticator = b.authenticator;
        this.maxBody = b.maxBody;
        this.maxConcurrent = b.maxConcurrent;
        this.maxStreams = b.maxStreams;
        this.idleTimeout = b.idleTimeout;
        this.requestTimeout = b.requestTimeout;
        this.stopTimeout = b.stopTimeout;
        this.trust = List.copyOf(b.trust);
        this.key = b.key;
        this.metricsAuth = b.metricsAuth;
        this.publicUrl = b.publicUrl;
    }

    /** @param root the directory tree posted documents are read as living in (--root) */
    public static Builder builder(Path root) {
        return new Builder(root);
    }

    /** The address to listen on (--bind). */
    public String bind() {
        return bind;
    }

    /** The port (--port); 0 picks a free one, which {@link MamlHttpServer#port()} tells after start. */
    public int port() {
        return port;
    }

    public Path root() {
        return root;
    }

    /** Where runs write receipts (--receipts, default ./receipts) and GET /receipts/{name} reads them. */
    public Path receipts() {
        return receipts;
    }

    /**
     * The PostgreSQL JDBC URL that receipts go to instead of {@link #receipts()} (--receipts
     * jdbc:postgresql://…), shared by replicas; null: the directory. It may hold a password.
     */
    public @Nullable String receiptDatabase() {
        return receiptDatabase;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    /** The largest request body accepted, in bytes (--max-body); a larger one is answered 413. */
    public long maxBody() {
        return maxBody;
    }

    /** Requests handled at once (--max-concurrent); more are answered 503 with Retry-After. */
    public int maxConcurrent() {
        return maxConcurrent;
    }

    /**
     * Long-lived event streams open at once (--max-streams: MCP's GET /mcp); they hold none of the
     * --max-concurrent slots, and one more is answered 503 with Retry-After.
     */
    public int maxStreams() {
        return maxStreams;
    }

    /** A connection that sends nothing for this long is closed. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * How long a request may take to arrive: a client still trickling its headers or body after this
     * long (as one byte per second would) is cut off.
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** How long a stop (SIGTERM) waits for requests under way before closing their connections. */
    public Duration stopTimeout() {
        return stopTimeout;
    }

    /** Extra trusted public keys (--trust) for runs and /verify. */
    public List<Path> trust() {
        return trust;
    }

    /** The ML-DSA key runs sign results and receipts with (--key); null: ephemeral keys, unsigned receipts. */
    public @Nullable Path key() {
        return key;
    }

    /** Whether GET /metrics needs a token too (--metrics-auth). */
    public boolean metricsAuth() {
        return metricsAuth;
    }

    /**
     * The server's URL as its clients reach it (--public-url, e.g. the reverse proxy's https URL),
     * which the protected resource metadata names; null: the loopback URL the request came to.
     */
    public @Nullable URI publicUrl() {
        return publicUrl;
    }

    /** Builds {@link ServeSettings}; defaults: 127.0.0.1:8000, ./receipts, no authentication, 10 MiB, 16. */
    public static final class Builder {
        private String bind = "127.0.0.1";
        private int port = 8000;
        private final Path root;
        private @Nullable Path receipts;
        private @Nullable String receiptDatabase;
        private Authenticator authenticator = new NoAuthentication();
        private long maxBody = DEFAULT_MAX_BODY;
        private int maxConcurrent = DEFAULT_MAX_CONCURRENT;
        private int maxStreams = DEFAULT_MAX_STREAMS;
        private Duration idleTimeout = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private final List<Path> trust = new ArrayList<>();
        private @Nullable Path key;
        private boolean metricsAuth;
        private @Nullable URI publicUrl;

        private Builder(Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        public Builder bind(String address) {
            this.bind = Objects.requireNonNull(address, "bind");
            return this;
        }

        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("--port must be 0-65535, got " + value);
            }
            this.port = value;
            return this;
        }

        public Builder receipts(Path dir) {
            this.receipts = Objects.requireNonNull(dir, "receipts");
            return this;
        }

        /** Receipts go to this database (a jdbc:postgresql:// URL) instead of a directory. */
        public Builder receiptDatabase(String jdbcUrl) {
            this.receiptDatabase = Objects.requireNonNull(jdbcUrl, "receiptDatabase");
            return this;
        }

        public Builder authenticator(Authenticator value) {
            this.authenticator = Objects.requireNonNull(value, "authenticator");
            return this;
        }

        public Builder maxBody(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("--max-body must be a positive number of bytes, got " + bytes);
            }
            this.maxBody = bytes;
            return this;
        }

        public Builder maxConcurrent(int requests) {
            if (requests <= 0) {
                throw new IllegalArgumentException("--max-concurrent must be positive, got " + requests);
            }
            this.maxConcurrent = requests;
            return this;
        }

        public Builder maxStreams(int streams) {
            if (streams <= 0) {
                throw new IllegalArgumentException("--max-streams must be positive, got " + streams);
            }
            this.maxStreams = streams;
            return this;
        }

        public Builder idleTimeout(Duration value) {
            this.idleTimeout = positive(value, "idle timeout");
            return this;
        }

        public Builder requestTimeout(Duration value) {
            this.requestTimeout = positive(value, "request timeout");
            return this;
        }

        public Builder stopTimeout(Duration value) {
            this.stopTimeout = positive(value, "stop timeout");
            return this;
        }

        public Builder trust(List<Path> publicKeys) {
            trust.addAll(publicKeys);
            return this;
        }

        public Builder key(@Nullable Path privateKey) {
            this.key = privateKey;
            return this;
        }

        public Builder metricsAuth(boolean required) {
            this.metricsAuth = required;
            return this;
        }

        /** @throws IllegalArgumentException unless an http(s) URL with a host and no query or fragment */
        public Builder publicUrl(@Nullable URI url) {
            if (url != null && (!("https".equals(url.getScheme()) || "http".equals(url.getScheme()))
                    || url.getHost() == null || url.getQuery() != null || url.getFragment() != null)) {
                throw new IllegalArgumentException("--public-url must be an http(s) URL such as https://maml.example.com,"
                        + " got '" + url + "'");
            }
            this.publicUrl = url;
            return this;
        }

        public ServeSettings build() {
            return new ServeSettings(this);
        }

        private static Duration positive(Duration value, String what) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + value);
            }
            return value;
        }
    }
}
