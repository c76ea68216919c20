package dev.maml.server.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.maml.report.Json;
import dev.maml.testing.ChildProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real MCP clients of interop/mcp-client (the official TypeScript SDK's {@code Client}, pinned
 * at 1.32.2, through client.mjs; the MCP Inspector CLI 1.0.3), installed through {@link NpmPeer}
 * (npm ci once per test JVM; without node and npm a test using it is skipped, except under CI=true).
 */
public final class McpClientScript {

    private static final String PEER = "mcp-client";
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    private McpClientScript() {
    }

    /** Installs the pinned clients, or skips (fails under CI) when node or npm is missing. */
    public static void install() throws Exception {
        NpmPeer.installed(PEER);
    }

    /**
     * Runs client.mjs with {@code plan} ({"calls": [...], "resources": [...]}) against {@code target}
     * ("stdio", command… or "http", url, headers…) and returns what it printed.
     */
    public static JsonNode run(ObjectNode plan, Path work, List<String> target) throws Exception {
        Path planFile = Files.writeString(work.resolve("plan.json"), Json.compact(plan));
        List<String> command = new ArrayList<>(List.of("node", "client.mjs", planFile.toString()));
        command.addAll(target);
        ChildProcesses.Finished r = run(command);
        String out = r.output().lines().filter(l -> l.startsWith("{\"")).reduce((a, b) -> b).orElse(null);
        if (out == null) {
            fail("client.mjs printed no result (exit " + r.code() + "): " + r.output());
        }
        return Json.MAPPER.readTree(out);
    }

    /** The Inspector CLI ({@code mcp-inspector --cli ARGS}); returns the JSON it printed. */
    public static JsonNode inspector(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "node_modules/.bin/mcp-inspector", "--cli"));
        command.addAll(args);
        ChildProcesses.Finished r = run(command);
        int start = r.output().indexOf("\n{");
        if (r.code() != 0 || start < 0 && !r.output().startsWith("{")) {
            fail("the Inspector failed (exit " + r.code() + "): " + r.output());
        }
        return Json.MAPPER.readTree(r.output().substring(start < 0 ? 0 : start + 1));
    }

    /** Runs a process in interop/mcp-client (stderr merged); fails when node is not installed. */
    private static ChildProcesses.Finished run(List<String> command) throws Exception {
        ChildProcesses.Finished r = ChildProcess.run(NpmPeer.installed(PEER), TIMEOUT, command.toArray(String[]::new));
        if (r == null) {
            fail("node is not installed");
        }
        return r;
    }
}
