package dev.maml.server.mcp;

import dev.maml.report.Json;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Standard output of {@code maml mcp}: one message per line, each written whole (one write, then a
 * flush) by the thread that sends it, under one lock, so messages never interleave and none waits
 * for a writer thread. It also keeps the requests still owed an answer: {@link StdioGuard} records
 * each request it passes on, the response sent here settles it, and at the end of input
 * {@link #awaitAnswers} waits until every request is answered ({@code printf '…' | maml mcp} gets
 * its answers).
 */
final class AnsweredOutput {

    private final OutputStream out;
    private final McpJsonMapper mapper;
    /** The ids of the requests not answered yet, as the SDK read them (Integer, Long, String, …). */
    private final Set<Object> open = new HashSet<>();

    AnsweredOutput(OutputStream out, McpJsonMapper mapper) {
        this.out = out;
        this.mapper = mapper;
    }

    synchronized void asked(@Nullable Object id) {
        open.add(id);
    }

    /** Writes a message of the session; a response settles the request it answers. */
    void send(McpSchema.JSONRPCMessage message) throws IOException {
        byte[] json = mapper.writeValueAsBytes(message);
        if (message instanceof McpSchema.JSONRPCResponse response) {
            write(json, true, response.id());
        } else {
            write(json, false, null);
        }
    }

    /** Writes an error response of this server's own (to a line that was no message): it settles nothing. */
    void error(int code, String message, @Nullable JsonNode id) throws IOException {
        ObjectNode error = Json.object().put("jsonrpc", "2.0");
        error.set("id", id == null ? NullNode.getInstance() : id);
        error.putObject("error").put("code", code).put("message", message);
        write(Json.compact(error).getBytes(StandardCharsets.UTF_8), false, null);
    }

    private synchronized void write(byte[] json, boolean settles, @Nullable Object id) throws IOException {
        byte[] line = new byte[json.length + 1];
        for (int i = 0; i < json.length; i++) {
            // A line break can only be whitespace between tokens (JSON escapes it in strings), where a
            // space means the same: the message stays on its one line. A compact mapper writes none.
            line[i] = json[i] == '\n' || json[i] == '\r' ? (byte) ' ' : json[i];
        }
        line[json.length] = '\n';
        try {
            out.write(line);
            out.flush();
        } finally {
            // Answered, or never will be (the output failed): either way nothing is left to wait for.
            if (settles && open.remove(id)) {
                notifyAll();
            }
        }
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
}
