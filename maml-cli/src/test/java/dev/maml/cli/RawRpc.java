package dev.maml.cli;

import dev.maml.report.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * JSON-RPC over LSP's framing, by hand, so a test can also send what no library would: broken
 * headers, broken JSON. Every byte the server writes must parse as a framed message.
 */
final class RawRpc {

    private final OutputStream out;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private volatile String readFailure;

    RawRpc(InputStream in, OutputStream out) {
        this.out = out;
        Thread reader = new Thread(() -> read(in), "raw-rpc-reader");
        reader.setDaemon(true);
        reader.start();
    }

    void send(Object message) throws IOException {
        sendRaw(Json.compact(message));
    }

    void sendRaw(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** The next received message matching {@code filter} (others are dropped); fails after the timeout. */
    JsonNode await(Predicate<JsonNode> filter, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            JsonNode n = received.poll(100, TimeUnit.MILLISECONDS);
            if (n != null && filter.test(n)) {
                return n;
            }
            if (readFailure != null) {
                throw new AssertionError("server output is not framed JSON-RPC: " + readFailure);
            }
        }
        throw new AssertionError("timed out waiting for a message");
    }

    JsonNode response(int id, int seconds) throws InterruptedException {
        return await(n -> n.has("id") && n.get("id").asInt() == id && !n.has("method"), seconds);
    }

    private void read(InputStream in) {
        try {
            while (true) {
                int length = -1;
                String header;
                while (!(header = line(in)).isEmpty()) {
                    if (header.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring(15).trim());
                    }
                }
                if (length < 0) {
                    readFailure = "a message without Content-Length";
                    return;
                }
                byte[] body = in.readNBytes(length);
                if (body.length < length) {
                    return;
                }
                received.add(Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8)));
            }
        } catch (IOException | RuntimeException e) {
            if (!(e instanceof java.io.EOFException)) {
                readFailure = String.valueOf(e);
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new java.io.EOFException();
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
