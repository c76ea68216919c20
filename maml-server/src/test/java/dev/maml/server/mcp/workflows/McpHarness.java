package dev.maml.server.mcp.workflows;

import dev.maml.run.Identity;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncListFilter;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;

/**
 * A real MCP server (the SDK's McpSyncServer over streamable HTTP on Jetty, 127.0.0.1, an ephemeral
 * port) and the SDK's Java client speaking the protocol to it. Each client may send a test header
 * that the transport turns into the caller's {@link Identity} in the transport context, as
 * `maml serve` turns a bearer token into one.
 */
final class McpHarness implements AutoCloseable {

    static final String IDENTITY_HEADER = "X-Test-Identity";
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    final McpSyncServer server;
    private final Server jetty;
    private final int port;

    McpHarness(@Nullable McpSyncListFilter<McpSchema.Tool> filter) throws Exception {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint("/mcp")
                .contextExtractor(request -> {
                    String who = request.getHeader(IDENTITY_HEADER);
                    return who == null ? McpTransportContext.EMPTY
                            : McpTransportContext.create(Map.of(WorkflowCatalog.IDENTITY_KEY, Identity.parse(who).orElseThrow()));
                })
                .build();
        var spec = McpServer.sync(transport).serverInfo("maml-test", "0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).resources(false, true).build())
                .requestTimeout(TIMEOUT);
        if (filter != null) {
            spec.addToolFilter(filter);
        }
        server = spec.build();
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        ServletHolder holder = new ServletHolder(transport);
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/mcp");
        jetty.setHandler(context);
        jetty.start();
        port = connector.getLocalPort();
    }

    /** A client, initialized; every tools/list_changed it receives puts the new list in {@code changes}. */
    McpSyncClient client(@Nullable String identity, BlockingQueue<List<McpSchema.Tool>> changes) {
        HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + port).endpoint("/mcp");
        if (identity != null) {
            transport.requestBuilder(HttpRequest.newBuilder().header(IDENTITY_HEADER, identity));
        }
        McpSyncClient client = McpClient.sync(transport.build()).requestTimeout(TIMEOUT).initializationTimeout(TIMEOUT)
                .toolsChangeConsumer(changes::add).build();
        client.initialize();
        return client;
    }

    McpSyncClient client(@Nullable String identity) {
        return client(identity, new LinkedBlockingQueue<>());
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            jetty.stop();
        }
    }
}
