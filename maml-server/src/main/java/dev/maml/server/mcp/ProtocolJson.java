package dev.maml.server.mcp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper the MCP transports write with. It is the SDK's default ({@code JsonMapper.shared()}
 * settings) except for exceptions: the streamable-HTTP transport answers a protocol error (no
 * session, wrong content type, a foreign Origin) by writing its {@code McpError} out whole, which by
 * default includes the stack trace, our class names and line numbers. Spec 11.1: never a stack trace;
 * the answer keeps {@code jsonRpcError} and {@code message}.
 */
final class ProtocolJson {

    private ProtocolJson() {
    }

    static McpJsonMapper mapper() {
        return new JacksonMcpJsonMapper(JsonMapper.builder().addMixIn(Throwable.class, WithoutTrace.class).build());
    }

    @JsonIgnoreProperties({"stackTrace", "suppressed", "cause", "localizedMessage"})
    private abstract static class WithoutTrace {
    }
}
