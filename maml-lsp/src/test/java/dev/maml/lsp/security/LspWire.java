package dev.maml.lsp.security;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The client end of a socket, by hand: what an attacker would write, and every byte the server sends back. */
public final class LspWire {

    private final OutputStream out;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    /** Completes when the server closes the connection (EOF or reset). */
    final CompletableFuture<Void> closed = new CompletableFuture<>();

    public LspWire(InputStream in, OutputStream out) {
        this.out = out;
        Thread reader = new Thread(() -> read(in), "lsp-wire-reader");
        reader.setDaemon(true);
        reader.start();
    }

    void sendRaw(String bytes) throws IOException {
        out.write(bytes.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public void send(JsonObject message) throws IOException {
        byte[] body = message.toString().getBytes(StandardCharsets.UTF_8);
        sendRaw("Content-Length: " + body.length + "\r\n\r\n");
        out.write(body);
        out.flush();
    }

    /** Sends, ignoring a connection the server already closed: an attacker keeps writing regardless. */
    void sendBlindly(JsonObject message) {
        try {
            send(message);
        } catch (IOException e) {
            // closed by the server: what the test expects
        }
    }

    public void close() throws IOException {
        out.close();
    }

    /** Everything the server wrote, once it has closed the connection. */
    byte[] receivedUntilClosed(int seconds) throws Exception {
        closed.get(seconds, TimeUnit.SECONDS);
        synchronized (received) {
            return received.toByteArray();
        }
    }

    public JsonObject next(Predicate<JsonObject> filter, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            JsonObject m = messages.poll(100, TimeUnit.MILLISECONDS);
            if (m != null && filter.test(m)) {
                return m;
            }
        }
        throw new AssertionError("timed out waiting for a message");
    }

    public static JsonObject request(int id, String method, JsonElement params) {
        JsonObject m = notification(method, params);
        m.addProperty("id", id);
        return m;
    }

    public static JsonObject notification(String method, JsonElement params) {
        JsonObject m = new JsonObject();
        m.addProperty("jsonrpc", "2.0");
        m.addProperty("method", method);
        if (params != null) {
            m.add("params", params);
        }
        return m;
    }

    /** The params of textDocument/didOpen for {@code text} at version 1. */
    public static JsonObject didOpen(String uri, String text) {
        JsonObject item = new JsonObject();
        item.addProperty("uri", uri);
        item.addProperty("languageId", "markdown");
        item.addProperty("version", 1);
        item.addProperty("text", text);
        JsonObject params = new JsonObject();
        params.add("textDocument", item);
        return params;
    }

    /** The method of a request or notification; "" for a response. */
    public static String method(JsonObject m) {
        return m.has("method") ? m.get("method").getAsString() : "";
    }

    public static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private void read(InputStream in) {
        try {
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                synchronized (received) {
                    received.write(buf, 0, n);
                }
                pending.write(buf, 0, n);
                pending = parse(pending);
            }
        } catch (IOException e) {
            // a reset is a close too
        }
        closed.complete(null);
    }

    /** Takes whole messages off the front of {@code pending}; returns the rest. */
    private ByteArrayOutputStream parse(ByteArrayOutputStream pending) {
        String text = pending.toString(StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int end = text.indexOf("\r\n\r\n", at);
            if (end < 0) {
                break;
            }
            int length = Integer.parseInt(text.substring(at, end).replaceAll("(?is).*content-length:\\s*(\\d+).*", "$1"));
            if (end + 4 + length > text.length()) {
                break;
            }
            byte[] body = text.substring(end + 4, end + 4 + length).getBytes(StandardCharsets.ISO_8859_1);
            messages.add(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
            at = end + 4 + length;
        }
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        byte[] left = text.substring(at).getBytes(StandardCharsets.ISO_8859_1);
        rest.write(left, 0, left.length);
        return rest;
    }
}
