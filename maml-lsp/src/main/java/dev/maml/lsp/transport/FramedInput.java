package dev.maml.lsp.transport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * LSP's base protocol, checked while it is read: each message is header lines ending in CRLF
 * ({@code Content-Length: N}, required, and {@code Content-Type: …}), an empty line, then exactly N
 * bytes. The bytes reach LSP4J's reader unchanged. Anything else (an HTTP request, a port
 * scanner's probe, a line of garbage) ends the input there, and {@link #problem()} says why: LSP4J
 * on its own skips what it cannot parse and waits for more, so a peer that is not an LSP client
 * would keep the connection (and an exception from here would reach the user as LSP4J's stack trace).
 */
public final class FramedInput extends InputStream {

    /** Generous for a 10 MB document even when JSON escaping inflates it several times. */
    public static final int MAX_BODY = 128 * 1024 * 1024;

    private static final int MAX_HEADER_LINE = 256;
    private static final int MAX_HEADER_LINES = 4;
    private static final byte[] NOTHING = new byte[0];

    private final InputStream in;
    /** Bytes already read and checked that the reader has not taken yet: a header, or a whole peeked message. */
    private byte[] pending = NOTHING;
    private int pendingAt;
    private long bodyLeft;
    private LspFramingException problem;

    public FramedInput(InputStream raw) {
        this.in = new BufferedInputStream(raw);
    }

    /**
     * Reads the next message whole (before anyone read from this stream) and returns its body; the
     * message stays to be read again, so a gate can look at it before the server does.
     *
     * @throws EOFException when the input ends first
     */
    public byte[] peekBody(int maxBody) throws IOException {
        if (pendingAt < pending.length || bodyLeft > 0) {
            throw new IllegalStateException("peekBody reads the first message only");
        }
        Header header = header(maxBody);
        if (header == null) {
            throw new EOFException("the connection ended before the first message");
        }
        byte[] body = in.readNBytes((int) header.length());
        if (body.length < header.length()) {
            throw new EOFException("the connection ended inside the first message");
        }
        byte[] message = new byte[header.bytes().length + body.length];
        System.arraycopy(header.bytes(), 0, message, 0, header.bytes().length);
        System.arraycopy(body, 0, message, header.bytes().length, body.length);
        pending = message;
        pendingAt = 0;
        return body;
    }

    @Override
    public int read() throws IOException {
        if (!ready()) {
            return -1;
        }
        if (pendingAt < pending.length) {
            return pending[pendingAt++] & 0xff;
        }
        int b = in.read();
        if (b >= 0) {
            bodyLeft--;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!ready()) {
            return -1;
        }
        if (pendingAt < pending.length) {
            int n = Math.min(len, pending.length - pendingAt);
            System.arraycopy(pending, pendingAt, b, off, n);
            pendingAt += n;
            return n;
        }
        int n = in.read(b, off, (int) Math.min(len, bodyLeft));
        if (n > 0) {
            bodyLeft -= n;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Why the input ended early: what the peer sent was not LSP framing. */
    public Optional<LspFramingException> problem() {
        return Optional.ofNullable(problem);
    }

    /** Something to hand out: pending bytes, body bytes, or a freshly checked header. False at the end. */
    private boolean ready() throws IOException {
        if (pendingAt < pending.length || bodyLeft > 0) {
            return true;
        }
        if (problem != null) {
            return false;
        }
        Header header;
        try {
            header = header(MAX_BODY);
        } catch (LspFramingException e) {
            problem = e;
            return false;
        }
        if (header == null) {
            return false;
        }
        pending = header.bytes();
        pendingAt = 0;
        bodyLeft = header.length();
        return true;
    }

    /** The next header block, checked; null when the input ends before its first byte. */
    private Header header(int maxBody) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        long length = -1;
        for (int lines = 0; ; lines++) {
            String line = line(raw);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                if (length < 0) {
                    throw new LspFramingException("a message without Content-Length");
                }
                return new Header(raw.toByteArray(), length);
            }
            if (lines == MAX_HEADER_LINES) {
                throw new LspFramingException("more than " + MAX_HEADER_LINES + " header lines");
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new LspFramingException(line.contains(" HTTP/")
                        ? "an HTTP request" : "a header line without a colon");
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Content-Length")) {
                if (length >= 0) {
                    throw new LspFramingException("two Content-Length headers");
                }
                length = contentLength(value, maxBody);
            } else if (!name.equalsIgnoreCase("Content-Type")) {
                throw new LspFramingException("a header LSP does not have");
            }
        }
    }

    private static long contentLength(String value, int maxBody) throws LspFramingException {
        if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new LspFramingException("Content-Length is not a number");
        }
        long length = Long.parseLong(value);
        if (length > maxBody) {
            throw new LspFramingException("a message of " + length + " bytes, over the limit of " + maxBody);
        }
        return length;
    }

    /**
     * One header line without its CRLF (its bytes, CRLF included, go to {@code raw}); null when the
     * input ends before the header's first byte. Printable ASCII only, as the base protocol says.
     */
    private String line(ByteArrayOutputStream raw) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (raw.size() == 0) {
                    return null;
                }
                throw new LspFramingException("the input ended inside a header");
            }
            raw.write(c);
            if (c == '\r') {
                if (in.read() != '\n') {
                    throw new LspFramingException("a header line not ended by CRLF");
                }
                raw.write('\n');
                return line.toString();
            }
            if (c < 0x20 || c > 0x7e) {
                throw new LspFramingException("a control or non-ASCII byte in a header");
            }
            if (line.length() == MAX_HEADER_LINE) {
                throw new LspFramingException("a header line over " + MAX_HEADER_LINE + " bytes");
            }
            line.append((char) c);
        }
    }

    private record Header(byte[] bytes, long length) {
    }
}
