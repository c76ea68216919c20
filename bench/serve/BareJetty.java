import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The floor under `maml serve`'s POST /lint (bench/serve/floor.sh): the same Jetty (from maml.jar's
 * class path) with the connector maml serve builds (default QueuedThreadPool, HTTP/1.1 connection
 * factory, no Server header, 30 s idle timeout, 127.0.0.1, a free port), and one handler that reads
 * the whole POSTed body and answers a fixed JSON body (the file ANSWER: floor.sh gives it maml
 * serve's own answer to the same document, so both write the same bytes). No lint, no limits, no
 * log, no metrics: what the HTTP layer alone costs per request.
 *
 * <pre>
 *   java -cp maml-cli/target/maml.jar bench/serve/BareJetty.java core|servlet ANSWER
 * </pre>
 *
 * {@code core}: a Jetty core {@link Handler} (blocking, as a servlet is called); {@code servlet}: one
 * HttpServlet in a ServletContextHandler, the layer maml serve's routes sit on. Prints
 * {@code listening on http://127.0.0.1:PORT} on standard error, as maml serve does, and runs until killed.
 */
public final class BareJetty {

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("core") || args[0].equals("servlet"))) {
            System.err.println("usage: BareJetty core|servlet ANSWER");
            System.exit(2);
        }
        byte[] answer = Files.readAllBytes(Path.of(args[1]));
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("bare-jetty");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setIdleTimeout(30_000);
        server.addConnector(connector);
        server.setHandler(args[0].equals("core") ? core(answer) : servlet(answer));
        server.start();
        System.err.println("listening on http://127.0.0.1:" + connector.getLocalPort());
        server.join();
    }

    private static Handler core(byte[] answer) {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws IOException {
                ByteBuffer body = Content.Source.asByteBuffer(request); // the whole body, as maml reads it
                if (body.remaining() == 0) {
                    Response.writeError(request, response, callback, 400);
                    return true;
                }
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.length);
                response.write(true, ByteBuffer.wrap(answer), callback);
                return true;
            }
        };
    }

    private static Handler servlet(byte[] answer) {
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
                response.setStatus(200);
                response.setContentType("application/json");
                response.setContentLength(answer.length);
                response.getOutputStream().write(answer);
            }
        }), "/lint");
        return context;
    }
}
