package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.testing.ChildProcesses;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * `maml lsp` as a process under -Xmx256m (dying on OutOfMemoryError): malformed JSON-RPC, unknown
 * methods, requests on unopened documents, a 10 MB document and 10,000 rapid changes; it keeps
 * answering, publishes diagnostics for the last version, and exits 0 after shutdown and exit.
 */
class LspRobustnessTest {

    @Test
    void serverSurvivesAbuseInBoundedHeap(@TempDir Path dir) throws Exception {
        Process server = new ProcessBuilder(ServerProcess.command("-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1")).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.log").toFile()).start();
        try {
            RawRpc rpc = new RawRpc(server.getInputStream(), server.getOutputStream());
            rpc.send(request(1, "initialize", params().put("processId", ProcessHandle.current().pid())
                    .set("capabilities", Json.object())));
            assertTrue(rpc.response(1, 60).has("result"));
            rpc.send(notification("initialized", Json.object()));

            rpc.sendRaw("{this is not json");
            rpc.sendRaw("{\"jsonrpc\":");
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":99}");
            rpc.send(request(2, "maml/noSuchMethod", Json.object()));
            JsonNode unknown = rpc.response(2, 60);
            assertEquals(-32601, unknown.get("error").get("code").asInt(), unknown::toString);

            rpc.send(request(3, "textDocument/hover", params().<ObjectNode>set("textDocument", uri("file:///nowhere/x.maml.md"))
                    .set("position", position(0, 0))));
            assertTrue(rpc.response(3, 60).get("result").isNull());

            String big = dir.resolve("big.maml.md").toUri().toString();
            rpc.send(notification("textDocument/didOpen", params().set("textDocument",
                    item(big, 1, bigDocument(10 * 1024 * 1024)))));
            JsonNode bigDiagnostics = rpc.await(n -> isDiagnosticsFor(n, big), 120);
            assertEquals(1, bigDiagnostics.get("params").get("version").asInt());

            String small = dir.resolve("small.maml.md").toUri().toString();
            rpc.send(notification("textDocument/didOpen", params().set("textDocument",
                    item(small, 0, "---\nmaml_version: \"2.0.0\"\n---\n## Intent\n"))));
            for (int v = 1; v <= 10_000; v++) {
                ObjectNode change = Json.object();
                change.set("range", range(4, 0, 4, 0));
                change.put("text", v == 10_000 ? "```python\n" : "x");
                ArrayNode changes = Json.MAPPER.createArrayNode().add(change);
                rpc.send(notification("textDocument/didChange", params()
                        .<ObjectNode>set("textDocument", uri(small).put("version", v)).set("contentChanges", changes)));
            }
            rpc.send(request(4, "textDocument/completion", params().<ObjectNode>set("textDocument", uri(small))
                    .set("position", position(4, 3))));
            JsonNode completion = rpc.response(4, 120);
            assertTrue(completion.get("result").get("items").toString().contains("\"python\""), completion::toString);
            JsonNode last = rpc.await(n -> isDiagnosticsFor(n, small) && n.get("params").get("version").asInt() == 10_000, 120);
            assertTrue(last.get("params").get("diagnostics").toString().contains("MAML040"), last::toString);

            rpc.send(request(5, "shutdown", null));
            rpc.response(5, 60);
            rpc.send(notification("exit", null));
            assertEquals(0, ChildProcesses.waitFor(server, Duration.ofSeconds(60), "maml lsp"));
        } finally {
            ChildProcesses.killTree(server);
        }
    }

    private static boolean isDiagnosticsFor(JsonNode n, String uri) {
        return "textDocument/publishDiagnostics".equals(n.path("method").asString(""))
                && uri.equals(n.get("params").get("uri").asString());
    }

    private static String bigDocument(int size) {
        StringBuilder b = new StringBuilder(size + 200);
        b.append("---\nmaml_version: \"2.0.0\"\n---\n## Intent\nA large document.\n\n## Content\n");
        while (b.length() < size) {
            b.append("Line of content with some words in it, repeated to make the document large.\n");
        }
        return b.toString();
    }

    private static ObjectNode request(int id, String method, ObjectNode params) {
        ObjectNode n = notification(method, params);
        n.put("id", id);
        return n;
    }

    private static ObjectNode notification(String method, ObjectNode params) {
        ObjectNode n = Json.object().put("jsonrpc", "2.0").put("method", method);
        if (params != null) {
            n.set("params", params);
        }
        return n;
    }

    private static ObjectNode params() {
        return Json.object();
    }

    private static ObjectNode uri(String uri) {
        return Json.object().put("uri", uri);
    }

    private static ObjectNode item(String uri, int version, String text) {
        return uri(uri).put("languageId", "markdown").put("version", version).put("text", text);
    }

    private static ObjectNode position(int line, int character) {
        return Json.object().put("line", line).put("character", character);
    }

    private static ObjectNode range(int l1, int c1, int l2, int c2) {
        ObjectNode r = Json.object();
        r.set("start", position(l1, c1));
        r.set("end", position(l2, c2));
        return r;
    }
}
