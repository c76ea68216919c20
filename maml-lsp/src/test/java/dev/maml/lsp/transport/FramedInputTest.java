package dev.maml.lsp.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FramedInputTest {

    private static final String MESSAGES = "Content-Length: 2\r\n\r\n{}"
            + "content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:3\r\n\r\n[1]"
            + "Content-Length: 0\r\n\r\n";

    @Test
    void passesLspFramingThroughUnchanged() throws IOException {
        assertArrayEquals(bytes(MESSAGES), readAll(new FramedInput(input(MESSAGES))));
        assertEquals(-1, new FramedInput(input("")).read());
        FramedInput clean = new FramedInput(input(MESSAGES));
        readAll(clean);
        assertTrue(clean.problem().isEmpty());
    }

    @Test
    void peekedMessageIsReadAgain() throws IOException {
        FramedInput in = new FramedInput(input(MESSAGES));
        assertArrayEquals(bytes("{}"), in.peekBody(10));
        assertArrayEquals(bytes(MESSAGES), readAll(in));
        FramedInput big = new FramedInput(input("Content-Length: 11\r\n\r\n01234567890"));
        assertEquals("not LSP framing: a message of 11 bytes, over the limit of 10",
                assertThrows(LspFramingException.class, () -> big.peekBody(10)).getMessage());
    }

    @Test
    void anythingElseEndsTheSession() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "an HTTP request"),
                Map.entry("POST /rpc HTTP/1.0\r\nContent-Length: 2\r\n\r\n{}", "an HTTP request"),
                Map.entry("\u0016\u0003\u0001\u0002\u0000\u0001", "a control or non-ASCII byte in a header"),
                Map.entry("hello\r\n\r\n", "a header line without a colon"),
                Map.entry("Content-Type: x\r\n\r\n{}", "a message without Content-Length"),
                Map.entry("Content-Length: 2\n\n{}", "a control or non-ASCII byte in a header"),
                Map.entry("Content-Length: 2\r\r\n{}", "a header line not ended by CRLF"),
                Map.entry("Content-Length: -2\r\n\r\n{}", "Content-Length is not a number"),
                Map.entry("Content-Length: 99999999999\r\n\r\n{}", "Content-Length is not a number"),
                Map.entry("Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}", "two Content-Length headers"),
                Map.entry("Content-Length: 2\r\nHost: x\r\n\r\n{}", "a header LSP does not have"),
                Map.entry("Content-Length: 2\r\n" + "Content-Type: a\r\n".repeat(4) + "\r\n{}", "more than 4 header lines"),
                Map.entry("Content-Type: " + "a".repeat(300) + "\r\n", "a header line over 256 bytes"),
                Map.entry("Content-Length: 2\r\n", "the input ended inside a header"),
                Map.entry("Content-Length: 2\r\n\r\n{}GET / HTTP/1.1\r\n\r\n", "an HTTP request"));
        cases.forEach((input, problem) -> assertEquals("not LSP framing: " + problem, problemOf(input), input));
    }

    @Test
    void aHugeContentLengthIsRefusedBeforeAnyAllocation() {
        String header = "Content-Length: " + (FramedInput.MAX_BODY + 1L) + "\r\n\r\n";
        assertEquals("not LSP framing: a message of " + (FramedInput.MAX_BODY + 1L) + " bytes, over the limit of "
                + FramedInput.MAX_BODY, problemOf(header));
    }

    /** The input ends where the framing breaks (what came before is passed on), and the problem is kept. */
    private static String problemOf(String input) {
        FramedInput in = new FramedInput(input(input));
        try {
            byte[] passed = readAll(in);
            assertEquals(-1, in.read(), "the end stays the end");
            String whole = new String(passed, StandardCharsets.ISO_8859_1);
            assertTrue(input.startsWith(whole) && whole.length() < input.length(), whole);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return in.problem().map(LspFramingException::getMessage).orElse("none");
    }

    private static byte[] readAll(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int b;
        // One byte at a time and in blocks, as LSP4J reads headers and bodies.
        while ((b = in.read()) >= 0) {
            out.write(b);
            byte[] block = new byte[3];
            int n = in.read(block, 0, block.length);
            if (n < 0) {
                break;
            }
            out.write(block, 0, n);
        }
        return out.toByteArray();
    }

    private static InputStream input(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
