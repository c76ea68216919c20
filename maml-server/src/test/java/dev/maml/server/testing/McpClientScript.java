package dev.maml.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.maml.report.Json;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real MCP clients of interop/mcp-client (the official TypeScript SDK's {@code Client}, pinned
 * at 1.32.2, through client.mjs; the MCP Inspector CLI 1.0.3), installed with {@code npm ci} once
 * per test JVM. Without node and npm a test using it is skipped, except under CI=true, where it
 * fails (the policy of NobleInteropTest).
 */
public final class McpClientScript {

    private static final Path DIR = TestData.repositoryRoot().resolve("interop/mcp-client");
    private static boolean installed;

    private McpClientScript() {
    }

    /** Installs the pinned clients, or skips (fails under CI) when node or npm is missing. */
    public static synchronized void install() throws Exception {
        if (installed) {
            return;
        }
        Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        if (npm == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("node and npm are required in CI for the MCP client interoperability tests");
            }
            Assumptions.abort("npm is not installed; skipping the MCP client interoperability test");
        }
        assertEquals(0, npm.code(), "npm ci failed: " + npm.output());
        installed = true;
    }

    /**
     * Runs client.mjs with {@code plan} ({"calls": [...], "resources": [...]}) against {@code target}
     * ("stdio", command… or "http", url, headers…) and returns what it printed.
     */
    public static JsonNode run(ObjectNode plan, Path work, List<String> target) throws Exception {
        Path planFile = Files.writeString(work.resolve("plan.json"), Json.compact(plan));
        List<String> command = new ArrayList<>(List.of("node", "client.mjs", planFile.toString()));
        command.addAll(target);
        Result r = run(command, 180);
        if (r == null) {
            fail("node is not installed");
        }
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
        Result r = run(command, 180);
        if (r == null) {
            fail("node is not installed");
        }
        int start = r.output().indexOf("\n{");
        if (r.code() != 0 || start < 0 && !r.output().startsWith("{")) {
            fail("the Inspector failed (exit " + r.code() + "): " + r.output());
        }
        return Json.MAPPER.readTree(r.output().substring(start < 0 ? 0 : start + 1));
    }

    private record Result(int code, String output) {
    }

    /** Runs a process in interop/mcp-client (stderr merged); null when the program is not installed. */
    private static Result run(List<String> command, long seconds) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        p.getOutputStream().close();
        try {
            // Read in the background: a full pipe would block the client before it exits.
            CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                fail(String.join(" ", command) + " did not finish within " + seconds + " s");
            }
            return new Result(p.exitValue(), reader.get(30, TimeUnit.SECONDS));
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
