package dev.maml.lsp.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientGateTest {

    @TempDir
    Path dir;

    @Test
    void admitsTheSecretAtTheTopOrUnderMamlAndKeepsTheMessageForTheServer() throws IOException {
        Secret s = secret();
        String secret = s.text();
        SessionSecret session = s.session();
        for (String options : List.of("{\"token\":\"" + secret + "\"}", "{\"maml\":{\"token\":\"" + secret + "\"}}")) {
            String message = frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                    + "{\"initializationOptions\":" + options + "}}");
            FramedInput in = new FramedInput(input(message));
            ClientGate.admit(in, session);
            assertArrayEquals(message.getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
    }

    @Test
    void refusesEverythingElse() throws IOException {
        Secret s = secret();
        String secret = s.text();
        SessionSecret session = s.session();
        Map<String, String> cases = Map.of(
                "{not json", "its first message is not JSON",
                "[" .repeat(500_000), "its first message is not JSON",
                "[1]", "its first message is not initialize",
                "{\"method\":\"initialize\"}", "no session secret (initializationOptions.token)",
                "{\"method\":\"initialize\",\"params\":{\"initializationOptions\":{\"token\":7}}}",
                "no session secret (initializationOptions.token)",
                "{\"method\":\"initialize\",\"params\":{\"initializationOptions\":{\"token\":\"" + secret + "x\"}}}",
                "wrong session secret",
                "{\"method\":\"initialized\",\"params\":{\"initializationOptions\":{\"token\":\"" + secret + "\"}}}",
                "its first message is not initialize");
        cases.forEach((body, reason) -> assertEquals(reason, assertThrows(TransportRefusedException.class,
                () -> ClientGate.admit(new FramedInput(input(frame(body))), session)).getMessage()));
        assertTrue(assertThrows(LspFramingException.class, () -> ClientGate.admit(
                new FramedInput(input(frame("x".repeat(ClientGate.MAX_FIRST_MESSAGE + 1)))), session))
                .getMessage().contains("over the limit of " + ClientGate.MAX_FIRST_MESSAGE));
    }

    @Test
    void aSilentClientCannotHoldThePort() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (LoopbackListener listener = new LoopbackListener(0, secret().session(), 300)) {
            CompletableFuture<Connection> admitted = CompletableFuture.supplyAsync(() -> {
                try {
                    return listener.accept(log::add);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
                assertEquals(-1, silent.getInputStream().read());
            }
            assertEquals(List.of("maml lsp: refused a client of 127.0.0.1:" + listener.port()
                    + ": no message within 300 ms"), log);
            listener.close();
            assertThrows(Exception.class, () -> admitted.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void theSecretFileIsNewAndOwnerOnly() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("elsewhere"));
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> SessionSecret.random().writeNew(link));
        assertTrue(Files.notExists(dir.resolve("elsewhere")));
        String a = secret().text();
        assertEquals(43, a.length(), "256 bits in base64url");
        assertTrue(!a.equals(secret().text()), "a new secret each time");
    }

    private record Secret(SessionSecret session, String text) {
    }

    /** A fresh secret and its text, read back from its file as a client would. */
    private Secret secret() throws IOException {
        Path file = dir.resolve("token-" + System.nanoTime());
        SessionSecret session = SessionSecret.random();
        session.writeNew(file);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        return new Secret(session, Files.readString(file).strip());
    }

    private static String frame(String body) {
        return "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static InputStream input(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
