package dev.maml.server.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where OAuth 2.0 Protected Resource Metadata (RFC 9728) describes this server: the server's URL is
 * --public-url when given; otherwise {@code http://} + the request's {@code Host}, but only for a
 * loopback name (the names /mcp accepts against DNS rebinding), never a name a client chose.
 * {@code /mcp} is its own resource, described under the well-known path with the suffix {@code /mcp}.
 */
final class ResourceMetadata {

    /** RFC 9728 section 3: the well-known path; a resource with a path appends it. */
    static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";
    static final String MCP = "/mcp";

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final @Nullable URI publicUrl;

    ResourceMetadata(@Nullable URI publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** The server's URL without a trailing slash; empty when it cannot be told (a foreign Host, no --public-url). */
    Optional<String> base(HttpServletRequest request) {
        if (publicUrl != null) {
            String url = publicUrl.toString();
            return Optional.of(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        }
        String host = request.getHeader("Host");
        if (host == null || !LOOPBACK.contains(hostName(host).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of("http://" + host);
    }

    /** The resource a request path belongs to: {@code /mcp} (and below) or the server's API ("" ). */
    static String resourcePath(String requestPath) {
        return requestPath.equals(MCP) || requestPath.startsWith(MCP + "/") ? MCP : "";
    }

    /** The metadata URL of the resource {@code requestPath} belongs to, for the 401 challenge (RFC 9728 5.1). */
    Optional<String> metadataUrl(HttpServletRequest request) {
        return base(request).map(b -> b + WELL_KNOWN + resourcePath(request.getRequestURI()));
    }

    /** {@code name} of {@code name:port}, {@code [::1]} of {@code [::1]:port}. */
    private static String hostName(String host) {
        int colon = host.lastIndexOf(':');
        return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
    }
}
