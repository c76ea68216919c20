package dev.maml.lsp.server;

import dev.maml.lsp.MamlLanguageService;
import dev.maml.lsp.transport.FramedInput;
import dev.maml.lsp.transport.FramedOutput;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Connects a server to a pair of streams (stdio or an accepted socket) and serves until they close. */
public final class ServerLauncher {

    private ServerLauncher() {
    }

    /**
     * Serves one client until its input ends, it sends {@code exit}, or it sends something that is
     * not LSP framing (which ends the session with a line on standard error).
     *
     * @return 1: the client went away without {@code exit} (after {@code exit}, {@code exit} has already run)
     */
    public static int serve(MamlLanguageService service, InputStream in, OutputStream out, IntConsumer exit)
            throws InterruptedException {
        FramedInput framed = in instanceof FramedInput f ? f : new FramedInput(in);
        MamlLanguageServer server = new MamlLanguageServer(service, Path.of("").toAbsolutePath(), exit);
        ExecutorService messages = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "maml-lsp-jsonrpc");
            t.setDaemon(true);
            return t;
        });
        Launcher<LanguageClient> launcher = new ServedOnly()
                .setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(framed)
                .setOutput(out)
                .setExecutorService(messages)
                .setExceptionHandler(new InternalErrors(System.err))
                .create();
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        try {
            listening.get();
        } catch (ExecutionException e) {
            // The stream broke rather than ended: the client is gone all the same.
        } finally {
            messages.shutdownNow();
        }
        framed.problem().ifPresent(p -> System.err.println("maml lsp: closed the connection: " + p.getMessage()));
        return 1;
    }

    /**
     * LSP4J's builder with the local service behind {@link ServedRequests} and messages written by
     * {@link FramedOutput}. The body is LSP4J's own {@code createRemoteEndpoint} (1.0) with those two
     * changes: the builder has no hook for the local endpoint alone.
     */
    private static final class ServedOnly extends LSPLauncher.Builder<LanguageClient> {
        @Override
        protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler jsonHandler) {
            MessageConsumer outgoing = wrapMessageConsumer(new FramedOutput(output, jsonHandler));
            Endpoint local = new ServedRequests(ServiceEndpoints.toEndpoint(localServices));
            RemoteEndpoint remote = exceptionHandler == null ? new RemoteEndpoint(outgoing, local)
                    : new RemoteEndpoint(outgoing, local, exceptionHandler);
            jsonHandler.setMethodProvider(remote);
            remote.setJsonHandler(jsonHandler);
            return remote;
        }
    }
}
