package dev.maml.server.mcp;

import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * DNS-rebinding protection for MCP over HTTP (spec 11.2): a web page the user visits can point a
 * name it controls at 127.0.0.1 and script requests to the local server, which then carry that
 * name in {@code Host} and the page's address in {@code Origin}. Only loopback names (any port)
 * and the names the server is configured with are accepted; anything else gets 421 (Host) or 403
 * (Origin) from the SDK's validator before a request reaches a tool. A request without
 * {@code Origin} (a non-browser client) passes; {@code Host} is always required.
 */
public final class RebindingProtection {

    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    private RebindingProtection() {
    }

    /**
     * @param hosts   further {@code Host} values to accept ({@code name} or {@code name:port}; {@code name:*} for any port),
     *                e.g. the public name of a server behind a proxy
     * @param origins further {@code Origin} values to accept ({@code https://name[:port]}, {@code :*} for any port)
     */
    public static DefaultServerTransportSecurityValidator validator(List<String> hosts, List<String> origins) {
        List<String> allowedHosts = new ArrayList<>(hosts);
        List<String> allowedOrigins = new ArrayList<>(origins);
        for (String name : LOOPBACK) {
            allowedHosts.add(name + ":*");
            allowedOrigins.add("http://" + name + ":*");
            allowedOrigins.add("https://" + name + ":*");
        }
        return DefaultServerTransportSecurityValidator.builder().allowedHosts(allowedHosts).allowedOrigins(allowedOrigins)
                .build();
    }

    /**
     * The {@code Host} values of a server reached at {@code publicUrl} (--public-url, a reverse
     * proxy's URL): its name with the port the URL gives, none when it gives none, as clients send it.
     */
    public static List<String> hostsOf(@Nullable URI publicUrl) {
        return publicUrl == null ? List.of() : List.of(authority(publicUrl));
    }

    /** The {@code Origin} of a page served from {@code publicUrl}, for a browser-based client there. */
    public static List<String> originsOf(@Nullable URI publicUrl) {
        return publicUrl == null ? List.of() : List.of(publicUrl.getScheme() + "://" + authority(publicUrl));
    }

    private static String authority(URI url) {
        return url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }
}
