package dev.maml.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.run.Identity;
import dev.maml.server.testing.McpClientScript;
import dev.maml.server.testing.McpFixtures;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The streamable-HTTP servlet on a plain Jetty, behind a stand-in for maml serve's authentication:
 * a filter that takes the caller from the test header X-Test-As and stores it where the real filter
 * does. DNS-rebinding protection, and the caller's identity reaching the run tool.
 */
class McpHttpTest {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    private static Server jetty;
    private static McpServers servers;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        servers = new McpServers(McpConfig.of(null, null, List.of()));
        ServletContextHandler context = new ServletContextHandler();
        Filter identity = (request, response, chain) -> {
            String as = ((HttpServletRequest) request).getHeader("X-Test-As");
            if (as != null) {
                request.setAttribute(McpServers.IDENTITY_ATTRIBUTE, Identity.parse(as).orElseThrow());
            }
            chain.doFilter(request, response);
        };
        FilterHolder filter = new FilterHolder(identity);
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        ServletHolder servlet = new ServletHolder(servers.http(List.of(), List.of()));
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, "/mcp");
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(context);
        jetty.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        servers.close();
        jetty.stop();
    }

    private static HttpResponse<String> post(String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void loopbackRequestsAreServedAndAForeignOriginIsRefused() throws Exception {
        assertEquals(200, post(null).statusCode());
        assertEquals(200, post("http://localhost:6274").statusCode());
        HttpResponse<String> foreign = post("http://evil.example");
        assertEquals(403, foreign.statusCode(), foreign.body());
    }

    /**
     * The SDK answers protocol errors (no session, wrong content type, a foreign Origin) by writing its
     * McpError out as JSON; by default that is the whole exception, stack trace with our class names
     * and line numbers included. Spec 11.1: never a stack trace.
     */
    @Test
    void errorAnswersCarryTheMessageAndNoStackTrace() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI mcp = URI.create("http://127.0.0.1:" + port + "/mcp");
        List<HttpResponse<String>> answers = List.of(
                client.send(HttpRequest.newBuilder(mcp).header("Accept", "text/event-stream").GET().build(),
                        HttpResponse.BodyHandlers.ofString()),
                client.send(HttpRequest.newBuilder(mcp).DELETE().build(), HttpResponse.BodyHandlers.ofString()),
                client.send(HttpRequest.newBuilder(mcp).header("Content-Type", "text/plain")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build(), HttpResponse.BodyHandlers.ofString()),
                post("http://evil.example"));
        for (HttpResponse<String> answer : answers) {
            assertTrue(answer.statusCode() >= 400, answer.statusCode() + " " + answer.body());
            assertFalse(answer.body().contains("stackTrace") || answer.body().contains("dev.maml.")
                    || answer.body().contains(".java"), answer.body());
            assertFalse(Json.MAPPER.readTree(answer.body()).path("message").asString("").isBlank(), answer.body());
        }
    }

    /** A rebinding attack's request: the attacker's name in Host, sent to 127.0.0.1 (java.net.http cannot set Host). */
    @Test
    void aForeignHostIsRefused() throws Exception {
        assertEquals(421, statusWithHost("rebind.evil.example:" + port));
        assertEquals(200, statusWithHost("localhost:" + port));
    }

    private static int statusWithHost(String host) throws Exception {
        byte[] body = INITIALIZE.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json, text/event-stream\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void theCallerIdentityComesFromTheRequestThroughTheOfficialClient(@TempDir Path work) throws Exception {
        McpClientScript.install();
        ObjectNode plan = Json.object();
        plan.putArray("calls").addObject().put("tool", "run")
                .set("arguments", McpFixtures.document(McpFixtures.qkdWorkflow("\"agent://ops\"")).put("seed", 2));
        plan.putArray("resources").add("maml://rules/MAML012");
        String url = "http://127.0.0.1:" + port + "/mcp";

        JsonNode ops = McpClientScript.run(plan, work, List.of("http", url, "X-Test-As=agent://ops"));
        assertNull(ops.get("failure"), ops.toString());
        assertEquals(8, ops.get("tools").size(), "no sign tool without --key: " + ops.get("tools"));
        JsonNode run = ops.get("calls").get(0);
        assertFalse(run.get("isError").asBoolean(), run.toString());
        assertEquals("agent://ops", run.get("structuredContent").get("identity").asString());
        assertTrue(ops.get("reads").get(0).get("text").asString().startsWith("# MAML012"));

        JsonNode other = McpClientScript.run(plan, work, List.of("http", url, "X-Test-As=agent://other"));
        JsonNode refused = other.get("calls").get(0);
        assertTrue(refused.get("isError").asBoolean(), refused.toString());
        assertEquals("permissions", refused.get("structuredContent").get("failed_step").asString());

        JsonNode nobody = McpClientScript.run(plan, work, List.of("http", url)).get("calls").get(0);
        assertTrue(nobody.get("isError").asBoolean(), nobody.toString());
        assertTrue(nobody.get("text").asString().contains("no caller identity"), nobody.toString());
    }
}
