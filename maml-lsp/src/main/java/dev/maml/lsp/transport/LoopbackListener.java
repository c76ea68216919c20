package dev.maml.lsp.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.function.Consumer;

/**
 * {@code maml lsp --socket PORT}: 127.0.0.1 only, and every local user can reach that, so each
 * client must present the session secret in its first message ({@link ClientGate}). A client that
 * does not is closed unanswered and the server waits for the next one; a client that says nothing
 * is dropped after a few seconds, so it cannot hold the port.
 */
public final class LoopbackListener implements AutoCloseable {

    static final int FIRST_MESSAGE_MILLIS = 10_000;

    private final ServerSocket server;
    private final SessionSecret secret;
    private final int firstMessageMillis;

    public LoopbackListener(int port, SessionSecret secret) throws IOException {
        this(port, secret, FIRST_MESSAGE_MILLIS);
    }

    LoopbackListener(int port, SessionSecret secret, int firstMessageMillis) throws IOException {
        this.server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        this.secret = secret;
        this.firstMessageMillis = firstMessageMillis;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Waits for the first client that presents the secret; refusals are logged, one line each. */
    public Connection accept(Consumer<String> log) throws IOException {
        while (true) {
            Socket client = server.accept();
            try {
                client.setSoTimeout(firstMessageMillis);
                FramedInput in = new FramedInput(client.getInputStream());
                ClientGate.admit(in, secret);
                client.setSoTimeout(0);
                return new Connection(in, client.getOutputStream(), client);
            } catch (SocketTimeoutException e) {
                refused(log, client, "no message within " + firstMessageMillis + " ms");
            } catch (IOException e) {
                refused(log, client, e.getMessage());
            }
        }
    }

    private void refused(Consumer<String> log, Socket client, String reason) throws IOException {
        log.accept("maml lsp: refused a client of 127.0.0.1:" + port() + ": " + reason);
        client.close();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
