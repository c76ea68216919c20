package dev.maml.server.mcp;

import dev.maml.run.Identity;
import dev.maml.run.Pipeline;
import dev.maml.server.mcp.workflows.WorkflowCatalog;
import dev.maml.server.receipts.RunOutputs;
import dev.maml.toolchain.Build;
import dev.maml.toolchain.Session;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Builds the MCP servers of spec 11.2: the tools and resources are made once from the
 * configuration and given to every server, on stdio ({@code maml mcp}) and on streamable HTTP (the
 * servlet {@code maml serve} mounts at /mcp), so both offer the same tools with the same results.
 * The servers it built are closed with it.
 */
public final class McpServers implements AutoCloseable {

    /**
     * The request attribute in which maml serve's authentication stores the caller's
     * {@link Identity} for the servlet of {@link #http}: {@code dev.maml.run.Identity}.
     */
    public static final String IDENTITY_ATTRIBUTE = CallerIdentity.ATTRIBUTE;

    private static final String INSTRUCTIONS = "Tools of the MAML toolchain: lint, fix, format and parse MAML documents "
            + "(*.maml.md), verify their ML-DSA signatures, create and verify .mu receipts, and run workflow documents. "
            + "Pass a document as its text (document) or as a path in the server's workflows directory (path). "
            + "The resources maml://rules/{id} explain each lint rule.";

    private final McpJsonMapper mapper = ProtocolJson.mapper();
    private final ToolSet tools;
    private final List<McpSyncServer> servers = new CopyOnWriteArrayList<>();
    /** The workflows of --workflows as tools (spec 11.2); null without --workflows. */
    private final @Nullable WorkflowCatalog workflows;

    public McpServers(McpConfig config) throws IOException {
        this(config, Pipeline::new);
    }

    /** With the run pipelines {@code pipelines} makes (a test injects one). */
    public McpServers(McpConfig config, Supplier<Pipeline> pipelines) throws IOException {
        this.tools = new ToolSet(config, pipelines);
        Path dir = config.workflows();
        // The listing trusts what the tools trust; receipts of workflow runs go where the server's
        // runs write them, else next to the documents, as `maml run` writes them.
        RunOutputs outputs = config.outputs();
        this.workflows = dir == null ? null : new WorkflowCatalog(dir,
                Session.builder().trust(config.trustSettings()).build(), config.key(),
                outputs != null ? outputs : RunOutputs.in(dir));
    }

    /**
     * A server on standard input and output, for one client acting as {@code caller} (maml mcp --as).
     * {@code onEnd} runs when the input ends. Nothing but protocol messages is written to {@code out}.
     */
    public McpSyncServer stdio(InputStream in, OutputStream out, Identity caller, Runnable onEnd) {
        StdioTransport transport = new StdioTransport(in, out, mapper, onEnd);
        // immediateExecution: a request runs on the thread that read it, not on a pool thread it would wait
        // for; the transport reads on in another thread while a tool runs (StdioTransport).
        McpSyncServer server = keep(configure(McpServer.sync(transport).immediateExecution(true), new CallerIdentity(caller)));
        try {
            if (workflows != null) {
                workflows.attach(server, caller);
            }
        } finally {
            transport.start(); // the client's first messages are read only now, so its first tools/list has the workflows
        }
        return server;
    }

    /**
     * The streamable-HTTP endpoint, a servlet for {@code maml serve} to mount at {@code /mcp}. Each
     * request's caller is the {@link Identity} the server's authentication stored in the request
     * attribute {@link #IDENTITY_ATTRIBUTE}; a request without one is refused by the tools
     * that act for someone. {@code Host} and {@code Origin} are checked ({@link RebindingProtection}).
     *
     * @param hosts   further Host values to accept besides loopback names
     * @param origins further Origin values to accept besides loopback origins
     */
    public HttpServletStreamableServerTransportProvider http(List<String> hosts, List<String> origins) {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(mapper).mcpEndpoint("/mcp").contextExtractor(CallerIdentity.extractor())
                .httpHeaderValidator(RebindingProtection.validator(hosts, origins))
                .maxRequestSize(StdioGuard.MAX_LINE_BYTES).build();
        McpServer.SyncSpecification<?> spec = McpServer.sync(transport);
        if (workflows != null) {
            // Callers differ over HTTP: each sees the workflows that admit it; a call is checked again when it runs.
            spec.addToolFilter(workflows.toolFilter());
        }
        McpSyncServer server = keep(configure(spec, new CallerIdentity(null)));
        if (workflows != null) {
            workflows.attach(server, null);
        }
        return transport;
    }

    private McpSyncServer configure(McpServer.SyncSpecification<?> spec, CallerIdentity caller) {
        return spec.serverInfo("maml", Build.version()).instructions(INSTRUCTIONS).jsonMapper(mapper)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).resources(false, true).build())
                .tools(tools.specifications(caller))
                .resources(McpResources.rulePages()).resources(McpResources.schema())
                .resourceTemplates(McpResources.rules())
                .build();
    }

    private McpSyncServer keep(McpSyncServer server) {
        servers.add(server);
        return server;
    }


    /** Closes every server built here (their sessions end; the stdio one stops reading). */
    @Override
    public void close() {
        if (workflows != null) {
            workflows.close();
        }
        servers.forEach(McpSyncServer::closeGracefully);
        servers.clear();
    }
}
