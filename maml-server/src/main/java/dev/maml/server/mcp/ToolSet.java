package dev.maml.server.mcp;

import dev.maml.run.Pipeline;
import dev.maml.sign.SigningException;
import dev.maml.toolchain.Identity;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Toolchain;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The toolchain tools of spec 11.2, each a {@link SyncToolSpecification} over the one engine
 * ({@link Toolchain}, the run {@link Pipeline}). Built once per server configuration and given to
 * every transport's server. What a tool throws becomes an {@code isError} result with a one-line
 * message: a bad document or argument never becomes a protocol error or a stack trace.
 */
final class ToolSet {

    private final ToolCatalog catalog = ToolCatalog.load();
    private final DocumentTools documents;
    private final SigningTools signing;
    private final RunTool run;
    private final boolean canSign;

    ToolSet(McpConfig config, Supplier<Pipeline> pipelines) {
        DocumentInput input = new DocumentInput(config.workflows());
        Session.Builder session = Session.builder().trust(config.trustSettings())
                .maxBytes(DocumentInput.MAX_DOCUMENT_BYTES);
        if (config.workflows() != null) {
            session.workingDirectory(config.workflows()).configWithin(config.workflows());
        }
        if (config.key() != null) {
            // embedOutsideTree: the server's key lies outside the document's tree; its public key is embedded.
            session.identity(new Identity(config.key(), null, true));
        }
        Engine engine = new Engine(new Toolchain(), session.build(), input);
        this.documents = new DocumentTools(engine);
        this.signing = new SigningTools(engine);
        this.run = new RunTool(config, input, pipelines);
        this.canSign = config.key() != null;
    }

    /** The tool specifications for callers identified by {@code identity}. */
    List<SyncToolSpecification> specifications(CallerIdentity identity) {
        List<SyncToolSpecification> tools = new ArrayList<>();
        tools.add(spec("lint", (args, exchange) -> documents.lint(args)));
        tools.add(spec("fix", (args, exchange) -> documents.fix(args)));
        tools.add(spec("format", (args, exchange) -> documents.format(args)));
        tools.add(spec("parse", (args, exchange) -> documents.parse(args)));
        tools.add(spec("verify", (args, exchange) -> documents.verify(args)));
        if (canSign) {
            tools.add(spec("sign", (args, exchange) -> signing.sign(args)));
        }
        tools.add(spec("receipt_create", (args, exchange) -> signing.receiptCreate(args)));
        tools.add(spec("receipt_verify", (args, exchange) -> signing.receiptVerify(args)));
        tools.add(spec("run", (args, exchange) -> run.run(args, identity.of(exchange))));
        return tools;
    }

    private SyncToolSpecification spec(String name, ToolHandler handler) {
        return SyncToolSpecification.builder().tool(catalog.tool(name)).callHandler((exchange, request) ->
                guarded(name, handler, request.arguments() == null ? Map.of() : request.arguments(), exchange)).build();
    }

    private static CallToolResult guarded(String name, ToolHandler handler, Map<String, Object> args,
                                          McpSyncServerExchange exchange) {
        try {
            return handler.call(args, exchange);
        } catch (ToolException e) {
            return ToolResults.error(e.getMessage());
        } catch (IOException | SigningException e) {
            return ToolResults.error(name + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            return ToolResults.error(name + ": " + e.getCause().getMessage());
        } catch (RuntimeException e) {
            // A bug: the caller gets a short message, standard error (never stdout, the protocol's) the trace.
            System.err.println("maml mcp: tool " + name + ": internal error");
            e.printStackTrace(System.err);
            return ToolResults.error(name + ": internal error: " + e.getClass().getSimpleName()
                    + "; this is a bug, the server's standard error has the details");
        }
    }
}
