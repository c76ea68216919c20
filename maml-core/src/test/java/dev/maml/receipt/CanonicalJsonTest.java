package dev.maml.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.maml.report.Json;
import org.junit.jupiter.api.Test;

/** RFC 8785's own examples (sections 3.2.2, 3.2.3 and appendix B). */
class CanonicalJsonTest {

    @Test
    void rfc8785Section323SortsByUtf16CodeUnits() {
        String input = """
                {"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                 "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control", "\\u00f6": "Latin Small Letter O With Diaeresis"}""";
        String expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\","
                + "\"€\":\"Euro Sign\",\"\uD83D\uDE00\":\"Emoji: Grinning Face\",\"\uFB33\":\"Hebrew Letter Dalet With Dagesh\"}";
        assertEquals(expected, CanonicalJson.of(Json.MAPPER.readTree(input)));
    }

    @Test
    void rfc8785Section322Example() {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertEquals(expected, CanonicalJson.of(Json.MAPPER.readTree(input)));
    }

    @Test
    void rfc8785AppendixBNumbers() {
        assertEquals("0", CanonicalJson.number(-0.0));
        assertEquals("5e-324", CanonicalJson.number(Double.longBitsToDouble(0x0000000000000001L)));
        assertEquals("1.7976931348623157e+308", CanonicalJson.number(Double.longBitsToDouble(0x7fefffffffffffffL)));
        assertEquals("9007199254740992", CanonicalJson.number(Double.longBitsToDouble(0x4340000000000000L)));
        assertEquals("295147905179352830000", CanonicalJson.number(Double.longBitsToDouble(0x4430000000000000L)));
        assertEquals("1e+23", CanonicalJson.number(Double.longBitsToDouble(0x44b52d02c7e14af6L)));
        assertEquals("9.999999999999997e+22", CanonicalJson.number(Double.longBitsToDouble(0x44b52d02c7e14af5L)));
        assertEquals("0.000001", CanonicalJson.number(Double.longBitsToDouble(0x3eb0c6f7a0b5ed8dL)));
        assertEquals("1e-7", CanonicalJson.number(Double.longBitsToDouble(0x3e7ad7f29abcaf48L)));
        assertEquals("-1.7976931348623157e+308", CanonicalJson.number(Double.longBitsToDouble(0xffefffffffffffffL)));
        assertEquals("333333333.3333333", CanonicalJson.number(333333333.3333333));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.number(Double.NaN));
    }

    /** Integers beyond 2^53 become the double they read as, as in ECMAScript; below it they stay exact. */
    @Test
    void largeIntegersAreRoundedLikeJavaScriptNumbers() {
        assertEquals("[1152921504606847000,9007199254740992,4503599627370497,-9007199254740991]",
                CanonicalJson.of(Json.MAPPER.readTree("[1152921504606846977, 9007199254740993, 4503599627370497, -9007199254740991]")));
    }

    @Test
    void fractionsBelowOneHaveALeadingZero() {
        assertEquals("0.5", CanonicalJson.number(0.5));
        assertEquals("0.25", CanonicalJson.number(0.25));
        assertEquals("0.000001", CanonicalJson.number(0.000001));
        assertEquals("123456789012345680000", CanonicalJson.number(1.2345678901234568e20));
        assertEquals("1.2345678901234568e+21", CanonicalJson.number(1.2345678901234568e21));
        assertEquals("1.5", CanonicalJson.number(1.5));
    }
}
