import dev.maml.lint.LintResult;
import dev.maml.report.DiagnosticJson;
import dev.maml.report.Json;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Source;
import dev.maml.toolchain.Toolchain;
import dev.maml.trust.TrustSettings;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The floor under `maml serve`'s POST /lint (bench/serve/floor.sh): the same Jetty (from maml.jar's
 * class path) with the connector maml serve builds (default QueuedThreadPool, HTTP/1.1 connection
 * factory, no Server header, 30 s idle timeout, 127.0.0.1, a free port), and one handler that reads
 * the whole POSTed body and answers it. No limits, no authentication, no log, no metrics.
 *
 * <pre>
 *   java -cp maml-cli/target/maml.jar bench/serve/BareJetty.java core|servlet ANSWER
 *   java -cp maml-cli/target/maml.jar bench/serve/BareJetty.java servlet-lint|selector-lint ROOT TRUST
 * </pre>
 *
 * What HTTP alone costs per request: {@code core}, a Jetty core {@link Handler} (blocking, as a
 * servlet is called), and {@code servlet}, one HttpServlet in a ServletContextHandler, the layer maml
 * serve's routes sit on, both answering a fixed JSON body (the file ANSWER: floor.sh gives it maml
 * serve's own answer to the same document, so all write the same bytes).
 * <p>
 * What any server of the same lint gets, without maml serve's layers: {@code servlet-lint}, the
 * servlet answering the lint of the body as maml serve's /lint does (the engine calls of
 * bench/serve/InProcessThroughput.java, with ROOT as --root and TRUST as --trust); and
 * {@code selector-lint}, the same lint run on Jetty's selector threads (a non-blocking core handler,
 * one selector per core), so no request is handed from one thread to another: the event-loop design,
 * measured to see what the hand-offs of a thread per request cost, not a design maml serve could
 * take (one large document would hold up every connection of its selector while it is linted).
 * Prints {@code listening on http://127.0.0.1:PORT} on standard error, as maml serve does, and runs
 * until killed.
 */
public final class BareJetty {

    private static final String USAGE = "usage: BareJetty core|servlet ANSWER | BareJetty servlet-lint|selector-lint ROOT TRUST";

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "";
        boolean fixedAnswer = mode.equals("core") || mode.equals("servlet");
        boolean linting = mode.equals("servlet-lint") || mode.equals("selector-lint");
        if (!(fixedAnswer && args.length == 2 || linting && args.length == 3)) {
            System.err.println(USAGE);
            System.exit(2);
        }
        int selectors = mode.equals("selector-lint") ? Runtime.getRuntime().availableProcessors() : -1; // -1: Jetty's default
        Handler handler = switch (mode) {
            case "core" -> core(fixed(Path.of(args[1])));
            case "servlet" -> servlet(fixed(Path.of(args[1])));
            case "servlet-lint" -> servlet(lint(Path.of(args[1]), Path.of(args[2])));
            default -> onSelector(lint(Path.of(args[1]), Path.of(args[2]))); // selector-lint
        };
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("bare-jetty");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, -1, selectors, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setIdleTimeout(30_000);
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
        System.err.println("listening on http://127.0.0.1:" + connector.getLocalPort());
        server.join();
    }

    private static UnaryOperator<byte[]> fixed(Path answer) throws IOException {
        byte[] bytes = Files.readAllBytes(answer);
        return body -> bytes;
    }

    /** The lint maml serve's /lint answers: Toolchain.lint in --root, then {"diagnostics": [...]} pretty-printed. */
    private static UnaryOperator<byte[]> lint(Path rootArgument, Path trustArgument) {
        Path root = rootArgument.toAbsolutePath().normalize();
        List<Path> trust = List.of(trustArgument.toAbsolutePath());
        Toolchain toolchain = new Toolchain();
        return body -> {
            Session session = Session.builder().workingDirectory(root).configWithin(root).includeIgnored()
                    .trust(TrustSettings.server(trust)).build();
            LintResult result = toolchain.lint(Source.of(body, root.resolve("posted.maml.md")), session).result();
            var answer = Json.object();
            var diagnostics = answer.putArray("diagnostics");
            result.diagnostics().forEach(d -> diagnostics.add(DiagnosticJson.of(d, result.document().lines())));
            return (Json.pretty(answer) + "\n").getBytes(StandardCharsets.UTF_8);
        };
    }

    private static Handler core(UnaryOperator<byte[]> answer) {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws IOException {
                ByteBuffer body = Content.Source.asByteBuffer(request); // the whole body, as maml reads it
                answer(body, answer, request, response, callback);
                return true;
            }
        };
    }

    /** Non-blocking: Jetty calls it on the selector thread that read the request, and the body is taken as it arrives. */
    private static Handler onSelector(UnaryOperator<byte[]> answer) {
        return new Handler.Abstract(Invocable.InvocationType.NON_BLOCKING) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Content.Source.asByteBuffer(request, new Promise<>() {
                    @Override
                    public void succeeded(ByteBuffer body) {
                        answer(body, answer, request, response, callback);
                    }

                    @Override
                    public void failed(Throwable failure) {
                        Response.writeError(request, response, callback, 400);
                    }
                });
                return true;
            }
        };
    }

    private static void answer(ByteBuffer body, UnaryOperator<byte[]> answer, Request request, Response response,
                               Callback callback) {
        if (body.remaining() == 0) {
            Response.writeError(request, response, callback, 400);
            return;
        }
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        byte[] out = answer.apply(bytes);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, out.length);
        response.write(true, ByteBuffer.wrap(out), callback);
    }

    private static Handler servlet(UnaryOperator<byte[]> answer) {
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                int length = (int) request.getContentLengthLong();
                byte[] body = new byte[Math.max(length, 0)];
                try (InputStream in = request.getInputStream()) {
                    if (length <= 0 || in.readNBytes(body, 0, length) < length) {
                        response.sendError(400);
                        return;
                    }
                }
                byte[] out = answer.apply(body);
                response.setStatus(200);
                response.setContentType("application/json");
                response.setContentLength(out.length);
                response.getOutputStream().write(out);
            }
        }), "/lint");
        return context;
    }
}
