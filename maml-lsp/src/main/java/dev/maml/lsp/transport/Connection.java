package dev.maml.lsp.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** One admitted client: its framed input, its output, and what to close when the session ends. */
public record Connection(FramedInput in, OutputStream out, Closeable channel) implements Closeable {

    public static Connection of(InputStream in, OutputStream out, Closeable channel) {
        return new Connection(in instanceof FramedInput f ? f : new FramedInput(in), out, channel);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
