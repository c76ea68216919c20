package dev.maml.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class MirrorTest {

    @Test
    void reversesLinesAndCodePoints() {
        assertEquals("eruceS", Mirror.apply("Secure"));
        assertEquals("dc\nba", Mirror.apply("ab\ncd"));
        assertEquals("\nba", Mirror.apply("ab\n"));
        // CRLF: the CR is content of its line and moves to the line's start.
        assertEquals("\n\rdc\n\rba", Mirror.apply("ab\r\ncd\r\n"));
        // A character outside the BMP stays one valid surrogate pair.
        assertEquals("b\uD83D\uDE00a", Mirror.apply("a\uD83D\uDE00b"));
        // A combining mark is a code point of its own: reversed, and restored by the second pass.
        assertEquals("\u0301ea", Mirror.apply("ae\u0301"));
        assertEquals("", Mirror.apply(""));
        assertEquals("\n", Mirror.apply("\n"));
    }

    /**
     * The mirror is the text's code points in reverse order (lines reversed, and each line too): held
     * to StringBuilder.reverse, an implementation of its own that keeps surrogate pairs whole. The
     * identity function, which passes the inverse property below, fails this one.
     */
    @Property(tries = 2000)
    void reversesTheCodePointsAsStringBuilderDoes(@ForAll("texts") String text) {
        assertEquals(new StringBuilder(text).reverse().toString(), Mirror.apply(text));
    }

    /** Any well-formed text (what UTF-8 decodes to: no lone surrogates), line breaks and all. */
    @Property(tries = 2000)
    void isItsOwnInverse(@ForAll("texts") String text) {
        assertEquals(text, Mirror.apply(Mirror.apply(text)));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of((int) '\n', (int) '\r', 0x301, 0xFEFF, 0x200D)),
                Tuple.of(5, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0x10FFFF)
                        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)));
        return codePoints.list().ofMaxSize(200).map(cps -> {
            StringBuilder b = new StringBuilder();
            cps.forEach(b::appendCodePoint);
            return b.toString();
        });
    }

    @Property(tries = 500)
    void keepsSupplementaryCharactersWhole(@ForAll("texts") String base) {
        String text = base + "\uD83D\uDE80\n\uD834\uDD1E" + base;
        String mirrored = Mirror.apply(text);
        assertEquals(text.codePointCount(0, text.length()), mirrored.codePointCount(0, mirrored.length()));
        assertEquals(text, Mirror.apply(mirrored));
    }
}
