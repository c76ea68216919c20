package dev.maml.server.mcp;

import dev.maml.run.Identity;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Who calls a tool. Over HTTP the server's authentication filter decides and stores the
 * {@link Identity} as the request attribute {@link #ATTRIBUTE}; {@link #extractor()} copies it into
 * the MCP transport context, where the tools find it. On stdio there is no request: the identity is
 * the one {@code maml mcp --as} names.
 */
final class CallerIdentity {

    /** The request attribute (and transport-context key) that holds the caller's {@link Identity}. */
    static final String ATTRIBUTE = Identity.class.getName();

    private final @Nullable Identity fallback;

    /** @param fallback the identity when the transport gives none (stdio's --as); null: refuse such calls */
    CallerIdentity(@Nullable Identity fallback) {
        this.fallback = fallback;
    }

    static McpTransportContextExtractor<HttpServletRequest> extractor() {
        return request -> request.getAttribute(ATTRIBUTE) instanceof Identity who
                ? McpTransportContext.create(Map.of(ATTRIBUTE, who)) : McpTransportContext.EMPTY;
    }

    Identity of(McpSyncServerExchange exchange) throws ToolException {
        McpTransportContext context = exchange.transportContext();
        if (context != null && context.get(ATTRIBUTE) instanceof Identity who) {
            return who;
        }
        if (fallback == null) {
            throw new ToolException("no caller identity: the request was not authenticated");
        }
        return fallback;
    }
}
