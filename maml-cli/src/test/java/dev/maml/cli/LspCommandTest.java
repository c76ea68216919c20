package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.lsp.transport.ChannelStreams;
import dev.maml.report.Json;
import dev.maml.testing.ChildProcesses;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** `maml lsp` as a process on its three transports, and the attacks of issue 10 (item 4) on them. */
class LspCommandTest {

    @TempDir
    Path dir;

    @Test
    void socketServesTheClientWithTheSecretOnlyAndRemovesTheSecretAtExit() throws Exception {
        Process server = start("--socket", "0");
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
            Matcher m = Pattern.compile("^maml lsp: listening on 127\\.0\\.0\\.1:(\\d+); session secret in (.+)$")
                    .matcher(ChildProcesses.readLine(err));
            assertTrue(m.find());
            int port = Integer.parseInt(m.group(1));
            Path token = Path.of(m.group(2));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token.getParent())));

            // Another local user reaches the port but not the file: the audit's settings get nothing back.
            try (Socket attacker = new Socket(InetAddress.getLoopbackAddress(), port)) {
                send(attacker.getOutputStream(), initialize(Json.object()
                        .put("key", dir.resolve("victim.key").toString()).put("config", "/etc/passwd")));
                assertEquals(-1, attacker.getInputStream().read(), "closed without a reply");
            }
            assertTrue(ChildProcesses.readLine(err).endsWith(": no session secret (initializationOptions.token)"));
            try (Socket browser = new Socket(InetAddress.getLoopbackAddress(), port)) {
                browser.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals(-1, readOrReset(browser.getInputStream()));
            }
            assertTrue(ChildProcesses.readLine(err).endsWith(": not LSP framing: an HTTP request"));

            try (Socket owner = new Socket(InetAddress.getLoopbackAddress(), port)) {
                String secret = Files.readString(token).strip();
                session(owner.getInputStream(), owner.getOutputStream(), Json.object().put("token", secret));
                assertEquals(0, ChildProcesses.waitFor(server, Duration.ofSeconds(60), "maml lsp"));
            }
            assertFalse(Files.exists(token), "the secret is removed when the server exits");
        } finally {
            ChildProcesses.killTree(server);
        }
    }

    @Test
    void pipeIsAnOwnerOnlyUnixSocket() throws Exception {
        Path path = dir.resolve("maml.sock");
        Process server = start("--pipe", path.toString());
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
            assertEquals("maml lsp: listening on " + path, ChildProcesses.readLine(err));
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)));
            try (SocketChannel editor = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
                session(ChannelStreams.input(editor), ChannelStreams.output(editor), Json.object());
                assertEquals(0, ChildProcesses.waitFor(server, Duration.ofSeconds(60), "maml lsp"));
            }
        } finally {
            ChildProcesses.killTree(server);
        }
    }

    @Test
    void stdioClosesOnInputThatIsNotLsp() throws Exception {
        Process server = start();
        try {
            // stdin stays open: the server must not wait for more, as it did when it skipped what it could not parse.
            server.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            server.getOutputStream().flush();
            assertEquals(1, ChildProcesses.waitFor(server, Duration.ofSeconds(60), "maml lsp"));
            assertEquals(0, server.getInputStream().readAllBytes().length);
            String err = ChildProcesses.withoutJvmNotices(new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals("maml lsp: closed the connection: not LSP framing: an HTTP request\n", err);
        } finally {
            ChildProcesses.killTree(server);
        }
    }

    @Test
    void nothingInTheWayIsReplaced() throws Exception {
        Path file = Files.writeString(dir.resolve("existing"), "keep");
        CliRun pipe = CliRun.of("lsp", "--pipe", file.toString());
        assertEquals(2, pipe.exitCode());
        assertEquals("maml: lsp: " + file + ": exists and is not a socket; refusing to replace it\n", pipe.err());

        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("target"));
        CliRun token = CliRun.of("lsp", "--socket", "0", "--token-file", link.toString());
        assertEquals(2, token.exitCode());
        assertEquals("maml: lsp: " + link + ": already exists; the session secret goes to a new file only\n", token.err());
        assertFalse(Files.exists(dir.resolve("target")));
        assertEquals("keep", Files.readString(file));
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRun port = CliRun.of("lsp", "--socket", "70000");
        assertEquals(2, port.exitCode());
        assertEquals("maml: --socket: 70000 is not a port number\n", port.err());
        CliRun both = CliRun.of("lsp", "--socket", "0", "--pipe", "x.sock");
        assertEquals(2, both.exitCode());
        assertEquals("maml: --socket and --pipe exclude each other\n", both.err());
        CliRun token = CliRun.of("lsp", "--token-file", "t");
        assertEquals("maml: --token-file goes with --socket\n", token.err());
    }

    private Process start(String... options) throws Exception {
        List<String> cmd = new ArrayList<>(ServerProcess.command("-XX:TieredStopAtLevel=1"));
        cmd.addAll(List.of(options));
        return new ProcessBuilder(cmd).directory(dir.toFile()).start();
    }

    /** initialize (with these options), a document's diagnostics, shutdown and exit. */
    private void session(InputStream in, OutputStream out, ObjectNode options) throws Exception {
        RawRpc rpc = new RawRpc(in, out);
        rpc.send(initialize(options));
        assertEquals("maml", rpc.response(1, 60).get("result").get("serverInfo").get("name").asString());
        rpc.send(Json.object().put("jsonrpc", "2.0").put("method", "initialized").set("params", Json.object()));
        String uri = dir.resolve("a.maml.md").toUri().toString();
        rpc.send(Json.object().put("jsonrpc", "2.0").put("method", "textDocument/didOpen").set("params",
                Json.object().set("textDocument", Json.object().put("uri", uri).put("languageId", "markdown")
                        .put("version", 1).put("text", "---\nmaml_version: \"2.0.0\"\n---\n## Intent\n"))));
        assertTrue(rpc.await(n -> "textDocument/publishDiagnostics".equals(n.path("method").asString("")), 60)
                .toString().contains("MAML010"));
        rpc.send(Json.object().put("jsonrpc", "2.0").put("id", 2).put("method", "shutdown"));
        rpc.response(2, 60);
        rpc.send(Json.object().put("jsonrpc", "2.0").put("method", "exit"));
    }

    private static ObjectNode initialize(ObjectNode options) {
        return Json.object().put("jsonrpc", "2.0").put("id", 1).put("method", "initialize")
                .set("params", Json.object().<ObjectNode>set("capabilities", Json.object())
                        .set("initializationOptions", options));
    }

    private static void send(OutputStream out, ObjectNode message) throws Exception {
        byte[] body = Json.compact(message).getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** -1 at the end of the stream; a reset (the server closed with our bytes unread) counts as the end. */
    private static int readOrReset(InputStream in) {
        try {
            return in.read();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
