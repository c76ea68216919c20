package dev.maml.parse;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.model.Range;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes UTF-8 strictly but never fails: each invalid sequence becomes U+FFFD and is counted, and
 * the first one is reported with its byte offset and line (MAML090), as are NUL bytes.
 */
final class Utf8Decoder {

    private Utf8Decoder() {
    }

    static DecodedText decode(byte[] bytes) {
        // Fast path: the JDK's lenient decoder is intrinsified; only a U+FFFD or NUL in its output
        // (a replacement, or a real one) needs the strict pass that finds the first bad byte.
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0 && lenient.indexOf('\0') < 0) {
            return new DecodedText(lenient, List.of());
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        int invalid = 0;
        int firstBadByte = -1;
        int firstBadChar = -1;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                if (invalid++ == 0) {
                    firstBadByte = in.position();
                    firstBadChar = out.position();
                }
                out.put('\uFFFD');
                in.position(in.position() + result.length());
            } else {
                break;
            }
        }
        decoder.flush(out);
        String text = out.flip().toString();
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (invalid > 0) {
            diagnostics.add(Diagnostic.of(RuleId.MAML090, "invalid UTF-8 at byte " + firstBadByte + " (line "
                    + lineAtByte(bytes, firstBadByte) + ")" + (invalid > 1 ? "; " + invalid + " invalid sequences in all" : "")
                    + ", read as U+FFFD", Range.of(firstBadChar, firstBadChar + 1)));
        }
        int nulByte = indexOf(bytes, (byte) 0);
        if (nulByte >= 0) {
            int nulChar = text.indexOf('\0');
            diagnostics.add(Diagnostic.of(RuleId.MAML090, "NUL byte at byte " + nulByte + " (line "
                    + lineAtByte(bytes, nulByte) + "); is this a binary file?", Range.of(nulChar, nulChar + 1)));
        }
        return new DecodedText(text, diagnostics);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int lineAtByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
