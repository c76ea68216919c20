package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The verifier checks a file is UTF-8 with {@link StrictUtf8#isValid} and decodes with
 * {@link StrictUtf8#decode}; both must agree with Java's strict UTF-8 decoder on every input, or a
 * file would be read differently from how it was signed.
 */
class StrictUtf8Test {

    /** Bytes at every boundary of the UTF-8 table, and ASCII. */
    private static final int[] INTERESTING = {0x00, 0x0A, 0x0D, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0,
        0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFE, 0xFF};

    @Test
    void everyOneAndTwoByteInputIsJudgedAsTheJdkDecoderJudgesIt() {
        List<String> wrong = new ArrayList<>();
        for (int a = 0; a < 256; a++) {
            check(new byte[] {(byte) a}, wrong);
            for (int b = 0; b < 256; b++) {
                check(new byte[] {(byte) a, (byte) b}, wrong);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void threeAndFourByteSequencesAtEveryBoundary() {
        List<String> wrong = new ArrayList<>();
        for (int a : INTERESTING) {
            for (int b : INTERESTING) {
                for (int c : INTERESTING) {
                    check(new byte[] {(byte) a, (byte) b, (byte) c}, wrong);
                    for (int d : a >= 0xF0 ? INTERESTING : new int[0]) { // four-byte leads (and beyond)
                        check(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}, wrong);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void randomTextsWithLongAsciiRunsAndOneBadByteAnywhere() {
        Random random = new Random(15);
        List<String> wrong = new ArrayList<>();
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = ("line " + n + ": heading 271\u00b0, \uD83D\uDE80 \u20ac ok\n").repeat(1 + random.nextInt(3))
                    .getBytes(StandardCharsets.UTF_8);
            if (random.nextBoolean()) {
                bytes[random.nextInt(bytes.length)] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
            }
            check(bytes, wrong);
        }
        assertEquals(List.of(), wrong);
    }

    private static void check(byte[] bytes, List<String> wrong) {
        String expected;
        try {
            expected = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            expected = null;
        }
        String decoded;
        try {
            decoded = StrictUtf8.decode(bytes);
        } catch (CharacterCodingException e) {
            decoded = null;
        }
        if (StrictUtf8.isValid(bytes) != (expected != null) || !java.util.Objects.equals(expected, decoded)) {
            wrong.add(HexFormat.of().formatHex(bytes));
        }
    }
}
