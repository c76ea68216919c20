package dev.maml.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A raw TCP client for what java.net.http will not send: partial requests, slow bytes, bodies the
 * client never finishes. Every read has a timeout.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private boolean closed;

    public RawHttp(int port, int readTimeoutMillis) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(readTimeoutMillis);
    }

    public RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawHttp send(byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
        return this;
    }

    /**
     * Everything the server sends until it closes the connection or the read timeout passes.
     *
     * @return what was read; {@link #closedByServer()} says which of the two ended it
     */
    public String readAll() throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                got.write(buffer, 0, n);
            }
            closed = true;
        } catch (SocketTimeoutException e) {
            closed = false;
        } catch (IOException e) {
            closed = true; // reset by the server
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    /** Whether the last {@link #readAll()} ended because the server closed the connection. */
    public boolean closedByServer() {
        return closed;
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
