package dev.maml.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The edits the "one reading of the bytes" property ranges over (spec 8): at a byte position,
 * insert one of the {@link #INJECTIONS}, delete the byte, or replace it by one of a few bytes chosen
 * to break lines, quotes, UTF-8 and base64 in every way that matters.
 */
final class ByteEdits {

    /** Line breaks of every reader, invisible characters, multi-byte sequences, a lone lead byte. */
    static final List<byte[]> INJECTIONS = List.of(utf8("\r"), utf8("\n"), utf8("\r\n"), utf8("\u0085"),
            utf8("\u2028"), utf8("\u2029"), utf8("\uFEFF"), utf8("\u200B"), utf8("\u200C"), utf8("\u200D"),
            utf8("\u2060"), utf8("é"), utf8("\uD83D\uDE80"), new byte[] {(byte) 0xC3}, utf8(" "), utf8("\t"),
            utf8("#"), utf8("A"), utf8("\""));

    /** Replacement bytes; a replacement equal to the byte it replaces is skipped (it is no edit). */
    static final byte[] REPLACEMENTS = {'\r', '\n', ' ', '#', 'A', '"', (byte) 0x80, (byte) 0xC2};

    /** How many edits {@link #forEach} makes at one position. */
    static final int PER_POSITION = INJECTIONS.size() + 1 + REPLACEMENTS.length + 1;

    private ByteEdits() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] insert(byte[] bytes, int at, byte[] what) {
        byte[] out = new byte[bytes.length + what.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(bytes, at, out, at + what.length, bytes.length - at);
        return out;
    }

    static byte[] delete(byte[] bytes, int at) {
        byte[] out = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bytes, at + 1, out, at, bytes.length - at - 1);
        return out;
    }

    static byte[] replace(byte[] bytes, int at, byte with) {
        byte[] out = bytes.clone();
        out[at] = with;
        return out;
    }

    /** Every edit at {@code at}, each with a short description for a failure message. */
    static void forEach(byte[] bytes, int at, BiConsumer<String, byte[]> test) {
        for (byte[] injection : INJECTIONS) {
            test.accept("insert " + hex(injection) + " at byte " + at, insert(bytes, at, injection));
        }
        if (at < bytes.length) {
            test.accept("delete byte " + at, delete(bytes, at));
            for (byte b : REPLACEMENTS) {
                if (bytes[at] != b) {
                    test.accept("replace byte " + at + " by " + hex(new byte[] {b}), replace(bytes, at, b));
                }
            }
            byte flipped = (byte) (bytes[at] ^ 0x01);
            test.accept("flip the low bit of byte " + at, replace(bytes, at, flipped));
        }
    }

    /** All edits at all positions outside [skipFrom, skipTo). */
    static List<Integer> positions(int length, int skipFrom, int skipTo) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i <= length; i++) {
            if (i < skipFrom || i >= skipTo) {
                out.add(i);
            }
        }
        return out;
    }

    static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (byte x : bytes) {
            b.append(String.format("%02x", x & 0xff));
        }
        return b.toString();
    }
}
