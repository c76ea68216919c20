package dev.maml.server.http;

import dev.maml.report.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import tools.jackson.databind.node.ObjectNode;

/**
 * GET /.well-known/oauth-protected-resource[/mcp]: OAuth 2.0 Protected Resource Metadata (RFC 9728)
 * with --auth oidc, so that an MCP client that got a 401 learns which authorization server issues
 * the tokens this server accepts. Public, as RFC 9728 means it to be. The bare path describes the
 * whole server (every route takes the same tokens), the {@code /mcp} suffix the MCP endpoint. With
 * the other auth modes there is no authorization server to name: 404.
 */
final class ProtectedResourceRoute extends Route {

    private static final long serialVersionUID = 1L;

    private final URI issuer;
    private final transient ResourceMetadata metadata;

    ProtectedResourceRoute(URI issuer, ResourceMetadata metadata) {
        super("GET");
        this.issuer = issuer;
        this.metadata = metadata;
    }

    @Override
    void answer(HttpServletRequest request, HttpServletResponse response) throws ApiError, IOException {
        String suffix = request.getRequestURI().substring(ResourceMetadata.WELL_KNOWN.length());
        if (!suffix.isEmpty() && !suffix.equals(ResourceMetadata.MCP)) {
            throw new ApiError(404, "not_found", "no protected resource " + suffix + "; the resources are / and /mcp");
        }
        String base = metadata.base(request).orElseThrow(() -> new ApiError(421, "misdirected_request",
                "the server knows its URL only as a loopback name or from --public-url, not from this Host"));
        ObjectNode body = Json.object();
        body.put("resource", base + suffix);
        body.putArray("authorization_servers").add(issuer.toString());
        body.putArray("bearer_methods_supported").add("header");
        json(response, 200, body);
    }
}
