package dev.maml.server.http;

import dev.maml.run.Identity;
import dev.maml.server.auth.Authenticator;
import dev.maml.server.auth.Unauthorized;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Authenticates every request of the servlet context, the routes and whatever is mounted beside
 * them (the MCP endpoint): the caller's {@link Identity} is stored as the request attribute
 * {@link #IDENTITY} for the route to run as. GET /health, and GET /metrics unless --metrics-auth,
 * need no token (probes and scrapes). A request without acceptable credentials is 401 with
 * {@code WWW-Authenticate: Bearer} and, when a token was sent but refused, its RFC 6750 error.
 */
public final class AuthFilter extends HttpFilter {

    /** The request attribute holding the caller's {@link Identity}. */
    public static final String IDENTITY = Identity.class.getName();

    private static final long serialVersionUID = 1L;

    private final transient Authenticator authenticator;
    private final Set<String> open;
    private final transient @Nullable ResourceMetadata metadata;

    /**
     * @param open     paths served without a token
     * @param metadata where the challenge points clients for the resource's metadata (RFC 9728 5.1);
     *                 null when none is served
     */
    AuthFilter(Authenticator authenticator, Set<String> open, @Nullable ResourceMetadata metadata) {
        this.authenticator = authenticator;
        this.open = Set.copyOf(open);
        this.metadata = metadata;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI();
        if (open.contains(path)) {
            chain.doFilter(request, response);
            return;
        }
        try {
            request.setAttribute(IDENTITY, authenticator.authenticate(request.getHeader("Authorization")));
        } catch (Unauthorized e) {
            String url = metadata == null ? null : metadata.metadataUrl(request).orElse(null);
            response.setHeader("WWW-Authenticate", challenge(e, url));
            Route.send(response, new ApiError(401, "unauthorized", e.getMessage()));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * {@code Bearer realm="maml"}, plus {@code resource_metadata} when the server describes itself
     * (RFC 9728 5.1, which MCP clients follow to the authorization server), and {@code error} and
     * {@code error_description} when a token was refused.
     */
    static String challenge(Unauthorized e, @Nullable String resourceMetadata) {
        StringBuilder header = new StringBuilder("Bearer realm=\"maml\"");
        if (resourceMetadata != null) {
            header.append(", resource_metadata=\"").append(quotable(resourceMetadata)).append('"');
        }
        String code = e.errorCode();
        if (code != null && !code.isEmpty()) {
            header.append(", error=\"").append(quotable(code)).append('"');
            header.append(", error_description=\"").append(quotable(e.getMessage())).append('"');
        }
        return header.toString();
    }

    /** RFC 6750 allows %x20-21 / %x23-5B / %x5D-7E in these values: no quote, no backslash, no control. */
    private static String quotable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' ? c : ' ');
        }
        return out.toString();
    }
}
