package dev.maml.server.mcp;

import dev.maml.report.Json;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Standard input of {@code maml mcp}, message by message: newline-delimited JSON-RPC, MCP's stdio
 * framing (a line may end in CRLF). Each line is parsed once, into the SDK's message types. A line
 * that is no message is answered here, as JSON-RPC asks, and reading goes on (the SDK's own stdio
 * transport ended the session at the first such line, so one malformed line from a client would end
 * the server): -32700 for a line that is not JSON, -32600 for JSON that is not a request, response
 * or notification, and for a line longer than the limit. Blank lines are skipped. Each request passed
 * on is recorded as owed an answer ({@link AnsweredOutput#asked}). One thread reads at a time.
 */
final class StdioGuard {

    /** The SDK's own line limit (StdioServerTransportProvider's default), kept. */
    static final int MAX_LINE_BYTES = 16 << 20;

    private final InputStream in;
    private final AnsweredOutput out;
    private final McpJsonMapper mapper;
    private final int maxLineBytes;
    /** Bytes read but not yet consumed: buffer[start, end). */
    private final byte[] buffer = new byte[64 << 10];
    private int start;
    private int end;
    /** The part of a line that did not fit in the buffer; reused. */
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private boolean tooLong;

    StdioGuard(InputStream in, AnsweredOutput out, McpJsonMapper mapper) {
        this(in, out, mapper, MAX_LINE_BYTES);
    }

    /** With a line limit of {@code maxLineBytes} (a test's small one). */
    StdioGuard(InputStream in, AnsweredOutput out, McpJsonMapper mapper, int maxLineBytes) {
        this.in = in;
        this.out = out;
        this.mapper = mapper;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next message the SDK accepts, the others answered on the way; null at the end of input. */
    McpSchema.@Nullable JSONRPCMessage next() throws IOException {
        for (String line; (line = nextLine()) != null; ) {
            if (tooLong) {
                out.error(McpSchema.ErrorCodes.INVALID_REQUEST, "message larger than " + maxLineBytes + " bytes", null);
            } else {
                McpSchema.JSONRPCMessage message = accepted(line);
                if (message != null) {
                    return message;
                }
            }
        }
        return null;
    }

    /**
     * The next line without its line end, null at the end of input. When the line is longer than
     * the limit, {@link #tooLong} is set, the line's bytes are skipped, and an empty string returned.
     */
    private @Nullable String nextLine() throws IOException {
        partial.reset();
        tooLong = false;
        while (true) {
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    String line = line(i);
                    start = i + 1;
                    return line;
                }
            }
            keep(end);
            int n = in.read(buffer, 0, buffer.length);
            start = 0;
            end = Math.max(n, 0);
            if (n < 0) {
                // A last line without its newline still counts.
                return partial.size() > 0 || tooLong ? line(0) : null;
            }
        }
    }

    /** The line that ends before buffer[lineEnd] (its earlier bytes in {@link #partial}), without a CR before the LF. */
    private String line(int lineEnd) {
        if (partial.size() == 0 && !tooLong && lineEnd - start <= maxLineBytes) {
            // The usual case: the whole line is in the buffer.
            return text(buffer, start, lineEnd - start);
        }
        keep(lineEnd);
        return tooLong ? "" : text(partial.toByteArray(), 0, partial.size());
    }

    private static String text(byte[] bytes, int offset, int length) {
        int n = length > 0 && bytes[offset + length - 1] == '\r' ? length - 1 : length;
        return new String(bytes, offset, n, StandardCharsets.UTF_8);
    }

    /** Moves buffer[start, upTo) into the line being read, unless the line is already too long. */
    private void keep(int upTo) {
        int n = upTo - start;
        if (tooLong || n == 0) {
            return;
        }
        if (partial.size() + n > maxLineBytes) {
            tooLong = true;
            partial.reset();
        } else {
            partial.write(buffer, start, n);
        }
        start = upTo;
    }

    private McpSchema.@Nullable JSONRPCMessage accepted(String line) throws IOException {
        if (line.isBlank()) {
            return null;
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(mapper, line);
        } catch (RuntimeException | IOException e) {
            // Only a line the SDK refuses is parsed a second time, to tell which answer it gets.
            refuse(line);
            return null;
        }
        if (message instanceof McpSchema.JSONRPCRequest request) {
            out.asked(request.id());
        }
        return message;
    }

    private void refuse(String line) throws IOException {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(line);
        } catch (JacksonException e) {
            out.error(McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: not JSON", null);
            return;
        }
        JsonNode id = tree.isObject() && tree.get("id") != null && tree.get("id").isValueNode() ? tree.get("id") : null;
        out.error(McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 request, response or notification", id);
    }
}
