package dev.maml.server.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;

/**
 * An input stream that gives nothing until {@link #release()}: the stdio transport starts reading
 * as soon as the server is built, and a client's first {@code tools/list} must wait until the
 * workflow tools are in place (a client lists once and caches the answer).
 */
final class HeldInput extends FilterInputStream {

    private final CountDownLatch released = new CountDownLatch(1);

    HeldInput(InputStream in) {
        super(in);
    }

    void release() {
        released.countDown();
    }

    @Override
    public int read() throws IOException {
        awaitRelease();
        return super.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        awaitRelease();
        return super.read(buffer, offset, length);
    }

    private void awaitRelease() throws InterruptedIOException {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted before the server was ready to read");
        }
    }
}
