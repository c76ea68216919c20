package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The PEM reader: what it accepts (exactly what the former pattern accepted) and that it cannot be made to hang. */
class PemTest {

    /**
     * The pattern the reader replaced: right about what it accepts, cubic on hostile input. It is the
     * oracle for short inputs only.
     */
    private static final Pattern FORMER = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");

    private static final byte[] DER = "an ML-DSA key would be here".getBytes(StandardCharsets.US_ASCII);

    @Test
    void readsWhatItWrites() {
        Pem.Block block = Pem.decode(Pem.encode(Pem.PUBLIC_KEY, DER));
        assertEquals(Pem.PUBLIC_KEY, block.label());
        assertArrayEquals(DER, block.der());
    }

    @Test
    void acceptsTextAroundTheBlockCrlfAndTabs() {
        String b64 = Base64.getEncoder().encodeToString(DER);
        String text = "comment line\r\n-----BEGIN PRIVATE KEY-----\r\n\t" + b64.substring(0, 10) + "\r\n"
                + b64.substring(10) + " \r\n-----END PRIVATE KEY-----\r\ntrailer";
        Pem.Block block = Pem.decode(text);
        assertEquals(Pem.PRIVATE_KEY, block.label());
        assertArrayEquals(DER, block.der());
    }

    @Test
    void skipsABrokenArmorToFindTheNextBlock() {
        String text = "-----BEGIN X-----\n!!!\n-----END X-----\n" + Pem.encode(Pem.PUBLIC_KEY, DER);
        assertArrayEquals(DER, Pem.decode(text).der());
    }

    @Test
    void rejectsMalformedBlocks() {
        String b64 = Base64.getEncoder().encodeToString(DER);
        for (String text : List.of(
                "",
                "-----BEGIN PUBLIC KEY-----\n" + b64,                                   // no END
                "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----",   // labels differ
                "-----BEGIN -----\n" + b64 + "\n-----END -----",                        // empty label
                "-----BEGIN public key-----\n" + b64 + "\n-----END public key-----",    // lower-case label
                "-----BEGIN PUBLIC KEY-----\n" + b64 + "*\n-----END PUBLIC KEY-----",   // not base64
                "-----BEGIN PUBLIC KEY-----\nA\n-----END PUBLIC KEY-----",              // one base64 digit
                "-----BEGIN PUBLIC KEY----\n" + b64 + "\n-----END PUBLIC KEY-----",     // four dashes
                "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY----")) {  // four dashes at the end
            assertNull(Pem.decode(text), text);
        }
    }

    /** The attack of issue 10: a BEGIN line and then whitespace, a megabyte of it; the former pattern took minutes for 4,000 spaces. */
    @Test
    void hostileWhitespaceIsReadInLinearTime() {
        for (String filler : List.of(" ", "\n", "A", "A \n", "=")) {
            String text = "-----BEGIN PUBLIC KEY-----" + filler.repeat(1_000_000 / filler.length());
            assertNull(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Pem.decode(text)), filler);
        }
        String manyHeaders = "-----BEGIN PUBLIC KEY----- \n".repeat(40_000);
        assertNull(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Pem.decode(manyHeaders)));
    }

    @Property(tries = 3000)
    void acceptsExactlyWhatTheFormerPatternAccepted(@ForAll("pemLike") String text) {
        Pem.Block block = Pem.decode(text);
        Matcher m = FORMER.matcher(text);
        Pem.Block former = null;
        if (m.find()) {
            try {
                former = new Pem.Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2)));
            } catch (IllegalArgumentException e) {
                former = null;
            }
        }
        if (former == null) {
            assertNull(block, text);
        } else {
            assertEquals(former.label(), block.label(), text);
            assertArrayEquals(former.der(), block.der(), text);
        }
    }

    /** Short texts built from the pieces PEM is made of, so that near misses are frequent. */
    @Provide
    Arbitrary<String> pemLike() {
        return Arbitraries.of("-----BEGIN ", "-----END ", "-----", "-", "PUBLIC KEY", "X", " ", "\n", "\r\n", "\t",
                        "AAAA", "QUJD", "QQ==", "QUI=", "=", "A", "b", "+/", "*", "é", "\u000B")
                .list().ofMaxSize(14).map(parts -> String.join("", parts));
    }

    @Test
    void labelsMayUseEveryCapitalDigitAndSpaceUpToTheEndsOfTheirRanges() {
        Pem.Block block = Pem.decode("-----BEGIN AZ 09-----\nAAEC\n-----END AZ 09-----\n");
        assertEquals("AZ 09", block.label());
        assertArrayEquals(new byte[] {0, 1, 2}, block.der());
        assertNull(Pem.decode("-----BEGIN a-----\nAAEC\n-----END a-----\n"), "lower case is not a label character");
    }
}
