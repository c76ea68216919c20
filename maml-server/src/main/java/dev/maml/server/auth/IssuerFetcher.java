package dev.maml.server.auth;

import dev.maml.io.FailureText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches an OIDC issuer's documents (discovery document, JWKS). They decide which tokens the server
 * accepts, so only https is used (plain http on loopback only, for tests and local issuers), no
 * redirects are followed, and a slow or oversized answer is cut off instead of holding start-up or a
 * request.
 */
final class IssuerFetcher {

    static final int MAX_BYTES = 1 << 20;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The time a whole exchange may take in maml serve. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    /** The whole exchange, body included: a server that drips bytes cannot stall us longer. */
    private final Duration timeout;

    IssuerFetcher(Duration timeout) {
        this.timeout = timeout;
    }

    /** The body of a 200 answer to {@code GET url}, as UTF-8 text. */
    String get(URI url) throws IOException {
        requireTrustworthy(url);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> new CappedBody());
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException(url + " did not answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url);
        } catch (ExecutionException e) {
            throw new IOException(describe(url, e.getCause()));
        }
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered HTTP " + response.statusCode());
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** https anywhere; http only to the loopback interface, where nobody can listen in or tamper. */
    private static void requireTrustworthy(URI url) throws IOException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IOException(url + " is not an http(s) URL with a host");
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new IOException(url + " must use https (plain http is accepted on loopback only)");
        }
    }

    private static boolean isLoopback(String host) throws IOException {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        // Only an address literal: a host name that resolves to loopback now may resolve elsewhere
        // when the client connects.
        if (!literal.contains(":") && !literal.matches("[0-9.]+")) {
            return false;
        }
        return InetAddress.getByName(literal).isLoopbackAddress();
    }

    private String describe(URI url, Throwable cause) {
        if (cause instanceof ConnectException) {
            return "nothing answers at " + url + " (connection refused)";
        }
        if (cause instanceof HttpTimeoutException) {
            return url + " did not answer within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof TooLarge) {
            return url + " sent more than " + MAX_BYTES / 1024 + " KiB";
        }
        return "cannot fetch " + url + ": " + FailureText.of(cause);
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Collects the body, giving up (and closing the connection) past {@link #MAX_BYTES}. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > MAX_BYTES) {
                    subscription.cancel();
                    body.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
