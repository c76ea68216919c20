package dev.maml.sign;

import dev.maml.model.LineIndex;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The line-break half of spec 8's "one reading of the bytes". A lone CR is a line break to YAML,
 * CommonMark and editors but not to a reader that splits on LF, so text holding one cannot have a
 * single reading; and signed bytes turn CRLF into LF, so one LF changed into CRLF (or back) would
 * leave them unchanged: a signed text uses one kind of line break throughout.
 */
public final class LineBreaks {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long CRS = '\r' * ONES;

    private LineBreaks() {
    }

    /** Why {@code text} cannot be signed or verified as it stands, or null when its line breaks are sound. */
    public static String problem(String text) {
        if (text.indexOf('\r') < 0) {
            return null; // LF only (or no line break): the usual case, found by one intrinsic scan
        }
        int lf = -1;
        int crlf = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 == text.length() || text.charAt(i + 1) != '\n') {
                    return "line " + line(text, i) + " ends with a lone carriage return (CR not followed by LF); "
                            + "YAML reads a line break there and the signed bytes do not (MAML093)";
                }
                crlf = crlf < 0 ? i : crlf;
                i++;
            } else if (c == '\n') {
                lf = lf < 0 ? i : lf;
            }
        }
        if (lf >= 0 && crlf >= 0) {
            return "line " + line(text, Math.max(lf, crlf)) + " ends with " + (lf > crlf ? "LF" : "CRLF")
                    + " but line " + line(text, Math.min(lf, crlf)) + " with " + (lf > crlf ? "CRLF" : "LF")
                    + "; a signed text uses one kind of line break, since CRLF and LF sign alike";
        }
        return null;
    }

    /**
     * True when {@code bytes} hold a CR anywhere (a CR byte is never part of a longer UTF-8 sequence).
     * Eight bytes at a time: a verifier asks this of every file, and a byte loop cost as much as the
     * UTF-8 check.
     */
    static boolean containsCr(byte[] bytes) {
        int i = 0;
        for (; i + 8 <= bytes.length; i += 8) {
            long x = (long) LONGS.get(bytes, i) ^ CRS; // a CR byte becomes a zero byte
            if (((x - ONES) & ~x & 0x8080808080808080L) != 0) { // exact test for a zero byte
                return true;
            }
        }
        for (; i < bytes.length; i++) {
            if (bytes[i] == '\r') {
                return true;
            }
        }
        return false;
    }

    private static int line(String text, int offset) {
        return new LineIndex(text).displayLine(offset);
    }
}
