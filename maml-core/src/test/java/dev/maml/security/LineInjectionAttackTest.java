package dev.maml.security;

import static dev.maml.security.SignedSamples.insertAfter;
import static dev.maml.security.SignedSamples.signatureLineOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.parse.DocumentParser;
import dev.maml.sign.Algorithm;
import dev.maml.sign.Outcome;
import dev.maml.sign.Verification;
import dev.maml.yaml.YamlMapping;
import org.junit.jupiter.api.Test;

/**
 * The line-injection attacks of issue 10 item 1, replayed through the public verify API: text put
 * after the signature value on "its" line, behind a lone CR (or another character some reader takes
 * for a line break), was left out of the signed bytes while the YAML reader read it as new keys.
 */
class LineInjectionAttackTest {

    private static final String SIGNED = SignedSamples.sign(SignedSamples.DOCUMENT, Algorithm.ML_DSA_44);
    private static final String SIG_LINE = signatureLineOf(SIGNED, "  signature: ");
    private static final String RECEIPT = SignedSamples.receipt("---\nid: x\n---\n## Intent\nrun\n", Algorithm.ML_DSA_44,
            null);
    private static final String RECEIPT_SIG_LINE = signatureLineOf(RECEIPT, "signature: ");

    @Test
    void theUntouchedSamplesVerify() {
        assertEquals(Outcome.VALID_UNTRUSTED, SignedSamples.verify(SIGNED).outcome());
        assertTrue(SignedSamples.verifyReceipt(RECEIPT).valid());
    }

    @Test
    void keysInjectedBehindALoneCrAfterTheSignatureAreMalformed() {
        String forged = insertAfter(SIGNED, SIG_LINE, " #\rencryption: \"none\"\rpermissions:\r  execute: [\"agent://attacker\"]");
        // the attack as it was: the YAML reader sees the attacker's keys
        YamlMapping root = DocumentParser.parse(forged).frontMatter().mapping().orElseThrow();
        assertTrue(root.get("permissions").isPresent(), "the injected keys are read as front matter");
        Verification v = SignedSamples.verify(forged);
        assertEquals(Outcome.MALFORMED, v.outcome(), v.reason());
    }

    @Test
    void aLoneCrDelimiterCuttingOffTheRealKeysIsMalformed() {
        String forged = insertAfter(SIGNED, SIG_LINE, " #\r---\r");
        assertEquals(Outcome.MALFORMED, SignedSamples.verify(forged).outcome());
    }

    @Test
    void aLoneCrAnywhereInASignedDocumentIsMalformed() {
        String forged = SIGNED.replace("Seal the telemetry.", "Seal the\rtelemetry.");
        Verification v = SignedSamples.verify(forged);
        assertEquals(Outcome.MALFORMED, v.outcome(), v.reason());
        assertTrue(v.reason().contains("carriage return"), v.reason());
    }

    @Test
    void anythingAfterTheSignatureValueIsMalformed() {
        for (String tail : new String[] {" # note", " ", "\t", "\u0085evil: 1", "\u2028evil: 1", "\u2029evil: 1",
                "\u200B", "\uFEFF"}) {
            String forged = insertAfter(SIGNED, SIG_LINE, tail);
            Verification v = SignedSamples.verify(forged);
            assertEquals(Outcome.MALFORMED, v.outcome(), () -> "tail " + escape(tail) + ": " + v.reason());
        }
    }

    @Test
    void aSignatureLineOfAnyOtherFormIsMalformed() {
        String value = SIG_LINE.substring("  signature: ".length());
        for (String other : new String[] {"   signature: " + value, "  signature:  " + value,
                "  signature: '" + value.substring(1, value.length() - 1) + "'",
                "  signature: " + value.substring(1, value.length() - 1),
                "  \"signature\": " + value, "  signature:\t" + value}) {
            Verification v = SignedSamples.verify(SIGNED.replace(SIG_LINE, other));
            assertEquals(Outcome.MALFORMED, v.outcome(), () -> escape(other.substring(0, 20)) + "…: " + v.reason());
        }
    }

    @Test
    void spacesOrInvisibleCharactersInsideTheQuotesAreMalformed() {
        int close = SIGNED.indexOf(SIG_LINE) + SIG_LINE.length() - 1;
        for (String inside : new String[] {" ", "\t", "\u0085", "\u2028", "\u200B"}) {
            String forged = SIGNED.substring(0, close) + inside + SIGNED.substring(close);
            Verification v = SignedSamples.verify(forged);
            assertEquals(Outcome.MALFORMED, v.outcome(), () -> escape(inside) + ": " + v.reason());
        }
    }

    @Test
    void aCrlfLineBreakSwappedInForOneLfIsMalformed() {
        // Signed bytes turn CRLF into LF, so one changed line break would not change them.
        String forged = SIGNED.replaceFirst("\n## Intent\n", "\r\n## Intent\n");
        assertEquals(Outcome.MALFORMED, SignedSamples.verify(forged).outcome());
        String afterSignature = insertAfter(SIGNED, SIG_LINE, "\r");
        assertEquals(Outcome.MALFORMED, SignedSamples.verify(afterSignature).outcome());
    }

    @Test
    void aWholeDocumentConvertedToCrlfStillVerifies() {
        // what git's autocrlf does; the signed bytes are defined over LF (spec 8)
        assertEquals(Outcome.VALID_UNTRUSTED, SignedSamples.verify(SIGNED.replace("\n", "\r\n")).outcome());
    }

    @Test
    void aForgedRunBlockBehindALoneCrInAReceiptFails() {
        String forged = insertAfter(RECEIPT, RECEIPT_SIG_LINE, " #\rrun:\r  run_id: \"x\"\r  identity: \"agent://attacker\"");
        YamlMapping root = DocumentParser.parse(forged).frontMatter().mapping().orElseThrow();
        assertTrue(root.get("run").isPresent(), "the injected run block is read as the header");
        assertFalse(SignedSamples.verifyReceipt(forged).valid());
        assertTrue(SignedSamples.verifyReceipt(forged).firstProblem().contains("carriage return"),
                SignedSamples.verifyReceipt(forged).firstProblem());
    }

    @Test
    void aReceiptSignatureLineOfAnyOtherFormFails() {
        for (String tail : new String[] {" # note", " ", "\r", "\u0085run: x", "\u2028"}) {
            assertFalse(SignedSamples.verifyReceipt(insertAfter(RECEIPT, RECEIPT_SIG_LINE, tail)).valid(),
                    () -> "tail " + escape(tail));
        }
        assertFalse(SignedSamples.verifyReceipt(RECEIPT.replace(RECEIPT_SIG_LINE, " " + RECEIPT_SIG_LINE)).valid());
    }

    @Test
    void aLoneCrDelimiterInAReceiptFails() {
        assertFalse(SignedSamples.verifyReceipt(insertAfter(RECEIPT, RECEIPT_SIG_LINE, " #\r---\r")).valid());
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : Character.toString(c)));
        return b.toString();
    }
}
