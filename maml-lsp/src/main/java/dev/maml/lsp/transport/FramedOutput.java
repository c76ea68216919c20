package dev.maml.lsp.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;

/**
 * Writes each outgoing message as LSP's base protocol frames it ({@code Content-Length: N}, an
 * empty line, N bytes of UTF-8 JSON), as LSP4J's {@code StreamMessageConsumer} does, but without
 * its copies: that one serialises into a synchronised {@code StringWriter} grown from 16 chars,
 * makes a String of it, encodes that to bytes and writes the header and the body in two system
 * calls. Here the JSON is encoded to UTF-8 as Gson writes it, into a buffer kept between messages,
 * behind room left for the header, and the frame goes out in one write: a completion's answer is
 * mostly this work (docs/performance.md, issue 15).
 */
public final class FramedOutput implements MessageConsumer {

    /** Room for "Content-Length: " + 10 digits + CRLF CRLF. */
    private static final int HEADER_ROOM = 32;
    /** A buffer grown past this by one large message (a 1 MB document's diagnostics) is not kept. */
    private static final int KEPT_CAPACITY = 1 << 20;

    private final OutputStream output;
    private final MessageJsonHandler json;
    /** Guarded by {@code this}: one message at a time is encoded and written. */
    private final Utf8Writer body = new Utf8Writer();

    public FramedOutput(OutputStream output, MessageJsonHandler json) {
        this.output = output;
        this.json = json;
    }

    @Override
    public void consume(Message message) {
        synchronized (this) {
            body.restart();
            try {
                json.serialize(message, body);
                byte[] header = ("Content-Length: " + (body.size - HEADER_ROOM) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                int start = HEADER_ROOM - header.length;
                System.arraycopy(header, 0, body.bytes, start, header.length);
                output.write(body.bytes, start, body.size - start);
                output.flush();
            } catch (IOException e) {
                throw new JsonRpcException(e);
            } finally {
                body.shrink();
            }
        }
    }

    /**
     * UTF-8 into a growable array, as {@code String.getBytes(UTF_8)} encodes: a surrogate pair
     * becomes one four-byte sequence (also when Gson hands over its halves in two writes), and a lone
     * surrogate becomes {@code ?}. A high surrogate is never left pending at the end: JSON text ends
     * with a bracket.
     */
    private static final class Utf8Writer extends Writer {
        private byte[] bytes = new byte[8192];
        private int size;
        /** A high surrogate whose low half has not been written yet, or 0. */
        private char high;

        void restart() {
            size = HEADER_ROOM;
            high = 0;
        }

        void shrink() {
            if (bytes.length > KEPT_CAPACITY) {
                bytes = new byte[8192];
            }
        }

        @Override
        public void write(int c) {
            char ch = (char) c;
            if (high != 0) {
                char h = high;
                high = 0;
                if (Character.isLowSurrogate(ch)) {
                    codePoint(Character.toCodePoint(h, ch));
                    return;
                }
                put((byte) '?');
            }
            if (ch < 0x80) {
                put((byte) ch);
            } else if (ch < 0x800) {
                room(2);
                bytes[size++] = (byte) (0xC0 | ch >> 6);
                bytes[size++] = (byte) (0x80 | ch & 0x3F);
            } else if (Character.isHighSurrogate(ch)) {
                high = ch;
            } else if (Character.isLowSurrogate(ch)) {
                put((byte) '?');
            } else {
                room(3);
                bytes[size++] = (byte) (0xE0 | ch >> 12);
                bytes[size++] = (byte) (0x80 | ch >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | ch & 0x3F);
            }
        }

        @Override
        public void write(String text, int off, int len) {
            room(len);
            for (int i = off, end = off + len; i < end; i++) {
                char ch = text.charAt(i);
                if (ch < 0x80 && high == 0) {
                    if (size == bytes.length) {
                        room(end - i);
                    }
                    bytes[size++] = (byte) ch;
                } else {
                    write(ch);
                }
            }
        }

        @Override
        public void write(char[] chars, int off, int len) {
            write(new String(chars, off, len), 0, len);
        }

        private void codePoint(int cp) {
            room(4);
            bytes[size++] = (byte) (0xF0 | cp >> 18);
            bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
            bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
            bytes[size++] = (byte) (0x80 | cp & 0x3F);
        }

        private void put(byte b) {
            room(1);
            bytes[size++] = b;
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
