package dev.maml.server.mcp;

import dev.maml.report.Json;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Standard input as the SDK's stdio transport reads it, with the lines it cannot take answered here.
 * The transport closes the session at the first line that is not a JSON-RPC message, or that is
 * longer than its limit; a client's one malformed line would end the server. This stream passes
 * on only lines the SDK accepts and answers the others itself, as JSON-RPC asks: -32700 for a line
 * that is not JSON, -32600 for JSON that is not a request, response or notification, or that is too
 * long. Its answers go to the transport's output stream under the same lock the transport writes
 * with, so the two never interleave ({@link #output()}). At end of input it waits for the answers to
 * the requests it passed on, then calls {@code onEnd} (maml mcp then exits).
 */
final class StdioGuard extends InputStream {

    /** The SDK's own line limit (StdioServerTransportProvider's default), enforced here first. */
    static final int MAX_LINE_BYTES = 16 << 20;

    /** How long the end of input waits for the answers still being worked on (a run takes seconds). */
    private static final long ANSWER_WAIT_SECONDS = 60;

    private final InputStream in;
    private final int maxLineBytes;
    private final AnsweredOutput out;
    private final McpJsonMapper mapper;
    private final Runnable onEnd;
    private byte[] pending = new byte[0];
    private int position;
    private boolean ended;

    StdioGuard(InputStream in, OutputStream out, McpJsonMapper mapper, Runnable onEnd) {
        this(in, out, mapper, onEnd, MAX_LINE_BYTES);
    }

    /** With a line limit of {@code maxLineBytes} (a test's small one). */
    StdioGuard(InputStream in, OutputStream out, McpJsonMapper mapper, Runnable onEnd, int maxLineBytes) {
        this.in = new BufferedInputStream(in);
        this.maxLineBytes = maxLineBytes;
        this.out = new AnsweredOutput(out);
        this.mapper = mapper;
        this.onEnd = onEnd;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        try {
            while (position >= pending.length) {
                if (ended || !nextAcceptedLine()) {
                    end();
                    return -1;
                }
            }
        } catch (IOException e) {
            // Input that fails ends the session as its end does: the server must not wait for more.
            end();
            throw e;
        }
        int n = Math.min(length, pending.length - position);
        System.arraycopy(pending, position, buffer, offset, n);
        position += n;
        return n;
    }

    /** Reads lines until one the SDK accepts (then pending holds it); false at end of input. */
    private boolean nextAcceptedLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (line.size() < maxLineBytes) {
                line.write(b);
            } else {
                tooLong = true;
            }
        }
        if (b < 0 && line.size() == 0) {
            return false;
        }
        if (tooLong) {
            answer(McpSchema.ErrorCodes.INVALID_REQUEST, "message larger than " + maxLineBytes + " bytes", null);
        } else if (accepted(line.toString(StandardCharsets.UTF_8))) {
            line.write('\n');
            pending = line.toByteArray();
            position = 0;
        }
        return b >= 0 || pending.length > position;
    }

    private boolean accepted(String line) throws IOException {
        if (line.isBlank()) {
            return false;
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(line);
        } catch (JacksonException e) {
            answer(McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: not JSON", null);
            return false;
        }
        try {
            McpSchema.deserializeJsonRpcMessage(mapper, line);
            if (tree.has("method") && tree.has("id")) {
                out.asked(tree.get("id"));
            }
            return true;
        } catch (RuntimeException | IOException e) {
            JsonNode id = tree.isObject() && tree.get("id") != null && tree.get("id").isValueNode() ? tree.get("id") : null;
            answer(McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 request, response or notification", id);
            return false;
        }
    }

    private void answer(int code, String message, @Nullable JsonNode id) throws IOException {
        ObjectNode error = Json.object().put("jsonrpc", "2.0");
        error.set("id", id == null ? NullNode.getInstance() : id);
        error.putObject("error").put("code", code).put("message", message);
        byte[] bytes = (Json.compact(error) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    /** The output the transport must write to: this guard's answers and the transport's never interleave. */
    OutputStream output() {
        return out;
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        try {
            out.awaitAnswers(ANSWER_WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onEnd.run();
    }
}
