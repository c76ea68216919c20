package dev.maml.lsp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.maml.lsp.MamlAssert;
import dev.maml.lsp.server.ServerLauncher;
import dev.maml.lsp.transport.ChannelStreams;
import dev.maml.lsp.transport.Connection;
import dev.maml.lsp.transport.LoopbackListener;
import dev.maml.lsp.transport.TransportRefusedException;
import dev.maml.lsp.transport.SessionSecret;
import dev.maml.lsp.transport.UnixSocket;
import dev.maml.testing.ChildProcesses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 4, replayed over real sockets. The audit: another local user connected to
 * {@code maml lsp --socket}, signed text with the victim's key through
 * {@code initializationOptions.key}, read a file through {@code initializationOptions.config}, and
 * an HTTP request was taken for LSP. Now a client without the session secret is closed before the
 * server sees anything (no reply, no settings applied, no document linted), and the server waits
 * for its real client; {@code --pipe} is a 0600 socket that replaces nothing.
 */
class LspSocketAttackTest {

    private static final String DOCUMENT = "---\nmaml_version: \"2.0.0\"\n---\n## Intent\n";

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void clientWithoutTheSecretGetsNothingAndTheServerWaitsForItsOwner() throws Exception {
        Path secretFile = Files.writeString(dir.resolve("victim-secret.yaml"), "extends: TOPSECRET-CONTENT\n");
        Path key = Files.writeString(dir.resolve("victim.key"), "-----BEGIN PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Server server = Server.start(dir, log);

        LspWire attacker = server.connect();
        attacker.sendBlindly(LspWire.request(1, "initialize", LspWire.json("{\"capabilities\":{},"
                + "\"initializationOptions\":{\"config\":\"" + secretFile + "\",\"key\":\"" + key + "\"}}")));
        attacker.sendBlindly(LspWire.notification("textDocument/didOpen", LspWire.didOpen("file:///attack.maml.md", DOCUMENT)));
        attacker.sendBlindly(LspWire.request(2, "textDocument/codeAction", LspWire.json("{\"textDocument\":"
                + "{\"uri\":\"file:///attack.maml.md\"},\"range\":{\"start\":{\"line\":0,\"character\":0},"
                + "\"end\":{\"line\":0,\"character\":0}},\"context\":{\"diagnostics\":[],\"only\":[\"source\"]}}")));
        assertEquals(0, attacker.receivedUntilClosed(30).length, "no capabilities, no diagnostics, no signature");
        assertEquals(List.of("maml lsp: refused a client of 127.0.0.1:" + server.port()
                + ": no session secret (initializationOptions.token)"), log);
        assertFalse(server.session.isDone(), "the attacker's connection never reached the language server");

        LspWire owner = server.connect();
        JsonObject init = initialize(owner, server.secret);
        assertEquals("maml", init.getAsJsonObject("result").getAsJsonObject("serverInfo").get("name").getAsString());
        owner.send(LspWire.notification("initialized", new JsonObject()));
        owner.send(LspWire.notification("textDocument/didOpen", LspWire.didOpen(dir.resolve("a.maml.md").toUri().toString(), DOCUMENT)));
        JsonObject diagnostics = owner.next(m -> "textDocument/publishDiagnostics".equals(LspWire.method(m)), 60);
        assertTrue(diagnostics.toString().contains("MAML010"), diagnostics::toString);
        assertFalse(diagnostics.toString().contains("TOPSECRET"), "the attacker's settings were never applied");
        server.stop(owner);
    }

    @Test
    void wrongSecretIsClosed() throws Exception {
        Server server = Server.start(dir, log);
        LspWire attacker = server.connect();
        attacker.sendBlindly(LspWire.request(1, "initialize",
                LspWire.json("{\"initializationOptions\":{\"maml\":{\"token\":\"guess\"}}}")));
        assertEquals(0, attacker.receivedUntilClosed(30).length);
        assertEquals(List.of("maml lsp: refused a client of 127.0.0.1:" + server.port() + ": wrong session secret"), log);
        server.stop(null);
    }

    @Test
    void theSecretMustComeWithTheFirstMessage() throws Exception {
        Server server = Server.start(dir, log);
        LspWire attacker = server.connect();
        JsonObject open = LspWire.notification("textDocument/didOpen", LspWire.didOpen("file:///x.maml.md", DOCUMENT));
        open.getAsJsonObject("params").add("initializationOptions",
                LspWire.json("{\"token\":\"" + server.secret + "\"}"));
        attacker.sendBlindly(open);
        assertEquals(0, attacker.receivedUntilClosed(30).length);
        assertEquals(List.of("maml lsp: refused a client of 127.0.0.1:" + server.port()
                + ": its first message is not initialize"), log);
        server.stop(null);
    }

    @Test
    void anHttpRequestIsClosedAtOnce() throws Exception {
        Server server = Server.start(dir, log);
        LspWire browser = server.connect();
        browser.sendRaw("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertEquals(0, browser.receivedUntilClosed(30).length);
        assertEquals(List.of("maml lsp: refused a client of 127.0.0.1:" + server.port()
                + ": not LSP framing: an HTTP request"), log);
        server.stop(null);
    }

    @Test
    void pipeIsAnOwnerOnlySocketThatServesOneClient() throws Exception {
        Path path = dir.resolve("maml.sock");
        CompletableFuture<Integer> session = CompletableFuture.supplyAsync(() -> serve(() -> UnixSocket.open(path, log::add)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || log.isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "no socket at " + path);
            Thread.sleep(20);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)));
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(path));
        LspWire editor = new LspWire(ChannelStreams.input(channel), ChannelStreams.output(channel));
        editor.send(LspWire.request(1, "initialize", LspWire.json("{\"capabilities\":{}}")));
        editor.next(m -> m.has("result"), 60);
        assertFalse(Files.exists(path, LinkOption.NOFOLLOW_LINKS), "the name goes once the one client is connected");
        channel.close();
        assertEquals(1, session.get(60, TimeUnit.SECONDS));
    }

    @Test
    void pipeConnectsToTheEditorsSocket() throws Exception {
        Path path = dir.resolve("vscode-1234.sock");
        try (ServerSocketChannel editorSide = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            editorSide.bind(UnixDomainSocketAddress.of(path));
            CompletableFuture<Integer> session = CompletableFuture.supplyAsync(() -> serve(() -> UnixSocket.open(path, log::add)));
            SocketChannel channel = editorSide.accept();
            LspWire editor = new LspWire(ChannelStreams.input(channel), ChannelStreams.output(channel));
            editor.send(LspWire.request(1, "initialize", LspWire.json("{\"capabilities\":{}}")));
            editor.next(m -> m.has("result"), 60);
            channel.close();
            assertEquals(1, session.get(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void pipeReplacesNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "keep me");
        assertEquals(file + ": exists and is not a socket; refusing to replace it",
                assertThrows(TransportRefusedException.class, () -> UnixSocket.open(file, log::add)).getMessage());
        assertEquals("keep me", Files.readString(file));

        Path target = dir.resolve("elsewhere");
        Path link = Files.createSymbolicLink(dir.resolve("link.sock"), target);
        assertEquals(link + ": exists and is not a socket; refusing to replace it",
                assertThrows(TransportRefusedException.class, () -> UnixSocket.open(link, log::add)).getMessage());
        assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS));

        Path stale = dir.resolve("stale.sock");
        ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(stale)).close();
        assertEquals(stale + ": no one listens on this socket (left over from a crash? remove it)",
                assertThrows(TransportRefusedException.class, () -> UnixSocket.open(stale, log::add)).getMessage());

        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        TransportRefusedException e = assertThrows(TransportRefusedException.class,
                () -> UnixSocket.open(shared.resolve("maml.sock"), log::add));
        assertTrue(e.getMessage().contains("the directory must be yours and writable by you only"), e.getMessage());
        assertFalse(Files.exists(shared.resolve("maml.sock"), LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * The audit's attacker, literally: another user (nobody, through setpriv; the tests run as root
     * on CI) on the same machine. The pipe's mode keeps them out; when a test opens the mode (as
     * the moment between bind and chmod would), the kernel's account of the peer still does.
     */
    @Test
    void anotherUserCanUseNeitherThePipeNorTheSocket() throws Exception {
        Assumptions.assumeTrue(OTHER_USER.isExecutable(), "needs root, setpriv and /usr/bin/python3");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        Path path = dir.resolve("maml.sock");
        CompletableFuture<Integer> session = CompletableFuture.supplyAsync(() -> serve(() -> UnixSocket.open(path, log::add)));
        while (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || log.isEmpty()) {
            Thread.sleep(20);
        }
        assertEquals("refused by the file system", OTHER_USER.tryUnix(path));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertEquals("closed unanswered", OTHER_USER.tryUnix(path));
        assertEquals("maml lsp: refused a client: " + path + ": the peer runs as nobody, not as "
                + System.getProperty("user.name"), log.get(1));
        try (SocketChannel owner = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            LspWire editor = new LspWire(ChannelStreams.input(owner), ChannelStreams.output(owner));
            editor.send(LspWire.request(1, "initialize", LspWire.json("{\"capabilities\":{}}")));
            editor.next(m -> m.has("result"), 60);
        }
        assertEquals(1, session.get(60, TimeUnit.SECONDS));

        log.clear();
        Server server = Server.start(dir, log);
        assertEquals("closed unanswered", OTHER_USER.tryTcp(server.port()));
        assertEquals(List.of("maml lsp: refused a client of 127.0.0.1:" + server.port()
                + ": no session secret (initializationOptions.token)"), log);
        server.stop(null);
    }

    /** A client run as user nobody: connects, sends an initialize without the secret, reports what came back. */
    private static final class OtherUser {
        private static final String CLIENT = String.join("\n",
                "import socket, sys",
                "s = socket.socket(socket.AF_UNIX) if sys.argv[1] == 'unix' else socket.socket()",
                "try:",
                "    s.connect(sys.argv[2] if sys.argv[1] == 'unix' else ('127.0.0.1', int(sys.argv[2])))",
                "except PermissionError:",
                "    print('refused by the file system'); sys.exit(0)",
                "body = b'{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}'",
                "try:",
                "    s.sendall(b'Content-Length: %d\\r\\n\\r\\n' % len(body) + body)",
                "    print('closed unanswered' if s.recv(1) == b'' else 'answered')",
                "except (ConnectionResetError, BrokenPipeError):",
                "    print('closed unanswered')");

        boolean isExecutable() {
            return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv"))
                    && Files.isExecutable(Path.of("/usr/bin/python3"));
        }

        String tryUnix(Path socket) throws Exception {
            return run("unix", socket.toString());
        }

        String tryTcp(int port) throws Exception {
            return run("tcp", Integer.toString(port));
        }

        private String run(String family, String address) throws Exception {
            return ChildProcesses.run(new ProcessBuilder("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup",
                    "--clear-groups", "/usr/bin/python3", "-c", CLIENT, family, address).redirectErrorStream(true),
                    Duration.ofSeconds(60)).output().strip();
        }
    }

    private static final OtherUser OTHER_USER = new OtherUser();

    private interface Opener {
        Connection open() throws IOException;
    }

    private static int serve(Opener opener) {
        try (Connection c = opener.open()) {
            return ServerLauncher.serve(MamlAssert.service(), c.in(), c.out(), code -> { });
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject initialize(LspWire client, String secret) throws Exception {
        client.send(LspWire.request(1, "initialize",
                LspWire.json("{\"capabilities\":{},\"initializationOptions\":{\"token\":\"" + secret + "\"}}")));
        return client.next(m -> m.has("id") && m.get("id").getAsInt() == 1, 60);
    }


    /** A loopback server as `maml lsp --socket 0` runs it, on a thread. */
    private static final class Server {
        final LoopbackListener listener;
        final String secret;
        final CompletableFuture<Integer> session;

        private Server(LoopbackListener listener, String secret, CompletableFuture<Integer> session) {
            this.listener = listener;
            this.secret = secret;
            this.session = session;
        }

        static Server start(Path dir, List<String> log) throws IOException {
            SessionSecret secret = SessionSecret.random();
            Path token = dir.resolve("token");
            secret.writeNew(token);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
            LoopbackListener listener = new LoopbackListener(0, secret);
            return new Server(listener, Files.readString(token).strip(),
                    CompletableFuture.supplyAsync(() -> serve(() -> listener.accept(log::add))));
        }

        int port() {
            return listener.port();
        }

        LspWire connect() throws IOException {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port());
            return new LspWire(socket.getInputStream(), socket.getOutputStream());
        }

        /** Ends the owner's session, or (without one) stops waiting for a client. */
        void stop(LspWire owner) throws Exception {
            if (owner != null) {
                owner.send(LspWire.request(99, "shutdown", null));
                owner.next(m -> m.has("id") && m.get("id").getAsInt() == 99, 60);
                owner.send(LspWire.notification("exit", null));
                owner.close();
                assertEquals(1, session.get(60, TimeUnit.SECONDS), "the session ended with its connection");
            }
            listener.close();
        }
    }
}
