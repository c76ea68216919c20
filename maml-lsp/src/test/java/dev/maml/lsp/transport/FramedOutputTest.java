package dev.maml.lsp.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageClient;
import org.junit.jupiter.api.Test;

/** {@link FramedOutput} writes the very bytes LSP4J's own consumer writes, message after message. */
class FramedOutputTest {

    private final MessageJsonHandler json = new MessageJsonHandler(ServiceEndpoints.getSupportedMethods(LanguageClient.class));

    @Test
    void framesAreByteForByteThoseOfLsp4j() {
        List<String> texts = new ArrayList<>(List.of("", "plain ASCII", "**key** — a title", "caf\u00e9 \u2028 \u0000 \"quoted\" \\",
                "a pair \uD83D\uDE80 and another \uD834\uDD1E", "lone high \uD83D then x", "lone low \uDE80", "ends high \uD83D",
                "x".repeat(3 << 20)));
        Random random = new Random(15);
        for (int i = 0; i < 300; i++) {
            char[] chars = new char[random.nextInt(40)];
            for (int j = 0; j < chars.length; j++) {
                // ASCII, Latin-1, the BMP and surrogates (paired or not) alike
                chars[j] = (char) (random.nextBoolean() ? random.nextInt(0x100) : random.nextInt(0x10000));
            }
            texts.add(new String(chars));
        }
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        FramedOutput framed = new FramedOutput(ours, json);
        StreamMessageConsumer lsp4j = new StreamMessageConsumer(theirs, json);
        for (String text : texts) {
            Message m = diagnostics(text);
            framed.consume(m);
            lsp4j.consume(m);
            assertEquals(theirs.size(), ours.size(), "frame of a text of " + text.length() + " chars");
        }
        assertArrayEquals(theirs.toByteArray(), ours.toByteArray());
    }

    @Test
    void aBrokenStreamIsLsp4jsErrorForTheCaller() {
        FramedOutput framed = new FramedOutput(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("pipe closed");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("pipe closed");
            }
        }, json);
        assertThrows(JsonRpcException.class, () -> framed.consume(diagnostics("x")));
    }

    private static Message diagnostics(String text) {
        NotificationMessage m = new NotificationMessage();
        m.setJsonrpc("2.0");
        m.setMethod("textDocument/publishDiagnostics");
        Range r = new Range(new Position(0, 0), new Position(0, 1));
        m.setParams(new PublishDiagnosticsParams("file:///d.maml.md", List.of(new Diagnostic(r, text))));
        return m;
    }
}
