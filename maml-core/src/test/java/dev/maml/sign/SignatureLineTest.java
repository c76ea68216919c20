package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.model.Range;
import dev.maml.parse.DocumentParser;
import org.junit.jupiter.api.Test;

/** The one form a signature line may take: anything else on it would be read by YAML but not signed. */
class SignatureLineTest {

    private static boolean canonical(String line, String indent) {
        return SignatureLine.canonical(line, Range.of(0, line.length()), indent);
    }

    private static String problem(String verification) {
        return VerificationBlock.of(DocumentParser.parse("---\nverification:\n" + verification + "---\n")).orElseThrow()
                .problem();
    }

    @Test
    void exactlyIndentKeyOneSpaceAndAQuotedValue() {
        assertTrue(canonical("  signature: \"AA==\"\n", "  "));
        assertTrue(canonical("  signature: \"AA==\"\r\n", "  "));
        assertTrue(canonical("  signature: \"AA==\"", "  "), "at the end of the text");
        assertTrue(canonical("signature: \"AA==\"\n", ""));
        assertFalse(canonical("  signature: \"AA==\" \n", "  "), "a space after the quote");
        assertFalse(canonical("  signature: \"AA==\" # c\n", "  "), "a comment");
        assertFalse(canonical("   signature: \"AA==\"\n", "  "), "three spaces");
        assertFalse(canonical(" signature: \"AA==\"\n", "  "), "one space");
        assertFalse(canonical("  signature: \"A\\\"A\"\n", "  "), "an escape");
        assertFalse(canonical("  signature: \"A\u00e9\"\n", "  "), "not ASCII");
        assertFalse(canonical("  signature:  \"AA==\"\n", "  "), "two spaces after the colon");
    }

    @Test
    void theCanonicalCheckStaysInsideItsLine() {
        String text = "x\n  signature: \"AA==\"\ny\n";
        assertTrue(SignatureLine.canonical(text, Range.of(2, 22), "  "));
        assertFalse(SignatureLine.canonical(text, Range.of(2, 24), "  "), "the next line is not part of it");
    }

    @Test
    void theReasonNamesTheIndentation() {
        assertEquals("the signature line must be exactly '  signature: \"<base64>\"' (2 spaces, one space after the colon,"
                + " nothing after the closing quote)", SignatureLine.form(SignatureLine.DOCUMENT_INDENT));
        assertEquals("the signature line must be exactly 'signature: \"<base64>\"' (no indentation, one space after the"
                + " colon, nothing after the closing quote)", SignatureLine.form(SignatureLine.RECEIPT_INDENT));
    }

    @Test
    void aSignatureSharingOrSpanningLinesHasNoLine() {
        String own = "verification.signature must be on a line of its own (\"signature: <base64>\")";
        assertEquals(own, problem("  signature:\n    \"AA==\"\n"), "value on the next line");
        assertEquals(own, problem("  signature: \"AA\n    ==\"\n"), "value across two lines");
        assertEquals(SignatureLine.form(SignatureLine.DOCUMENT_INDENT), problem("  signature: \"AA==\" # c\n"),
                "a comment may share the line, but then it is not canonical");
        assertEquals(null, problem("  signature: \"AA==\"\n"));
    }
}
