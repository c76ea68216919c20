package dev.maml.server.mcp;

import dev.maml.report.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The protocol's output, watched for answers: {@link StdioGuard} records each request it passes on,
 * and a response line written here settles it. At the end of input the guard waits until every
 * request is answered ({@code printf '…' | maml mcp} gets its answers), since the SDK drops what it
 * has not written once its input ends.
 */
final class AnsweredOutput extends OutputStream {

    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Set<String> open = new HashSet<>();

    AnsweredOutput(OutputStream out) {
        this.out = out;
    }

    synchronized void asked(JsonNode id) {
        open.add(id.toString());
    }

    /** Waits until every request asked is answered, at most {@code seconds}; false on timeout. */
    synchronized boolean awaitAnswers(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!open.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                settle(line.toByteArray());
                line.reset();
            } else {
                line.write(bytes[i]);
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    private void settle(byte[] message) {
        try {
            JsonNode node = Json.MAPPER.readTree(message);
            if (node.isObject() && node.has("id") && !node.has("method") && open.remove(node.get("id").toString())) {
                notifyAll();
            }
        } catch (JacksonException e) {
            // Not JSON: nothing it could answer.
        }
    }
}
