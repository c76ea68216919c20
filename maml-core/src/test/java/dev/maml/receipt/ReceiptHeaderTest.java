package dev.maml.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.model.Range;
import dev.maml.parse.DocumentParser;
import dev.maml.receipt.ReceiptFinding.Kind;
import dev.maml.sign.TrustStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The header checks of an (unsigned) receipt, one edit at a time: each must make the receipt fail
 * with a finding of the expected kind that names the key. Unsigned receipts keep the signature out of
 * the way, so only the header check under test can reject the edit (mutation testing showed that
 * removing the type and digest-format checks passed every earlier test).
 */
class ReceiptHeaderTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final String DIGEST_LINE = "source_sha3_256: \"";

    @TempDir
    static Path dir;
    static String receipt;
    static String digest;

    @BeforeAll
    static void unsignedReceipt() throws Exception {
        Path source = dir.resolve("doc.maml.md");
        Files.writeString(source, "---\nid: \"urn:uuid:0b7e4a52-7c1e-4d2a-9a55-3f1e2d4c5b6a\"\n---\n## Intent\nReceipt me.\n");
        receipt = Files.readString(Receipts.of(source).out(dir.resolve("doc.mu")).at(NOW).create());
        int at = receipt.indexOf(DIGEST_LINE) + DIGEST_LINE.length();
        digest = receipt.substring(at, at + 64);
    }

    static ReceiptVerification verify(String text) {
        return ReceiptVerifier.verify(DocumentParser.parse(text), dir, null, TrustStore.EMPTY);
    }

    @Test
    void theUneditedReceiptIsValidAndUnsigned() {
        ReceiptVerification v = verify(receipt);
        assertTrue(v.valid(), v.findings().toString());
        assertEquals(List.of(Kind.UNSIGNED), v.findings().stream().map(ReceiptFinding::kind).toList());
        assertEquals("urn:uuid:0b7e4a52-7c1e-4d2a-9a55-3f1e2d4c5b6a", v.sourceId());
        assertFalse(v.signed());
    }

    static Stream<Arguments> headerEdits() {
        return Stream.of(
                Arguments.of("type: receipt\n", "type: receipts\n", Kind.FRONT_MATTER, "type"),
                Arguments.of("type: receipt\n", "type: \"\"\n", Kind.FRONT_MATTER, "type"),
                Arguments.of("type: receipt\n", "", Kind.FRONT_MATTER, "type"),
                Arguments.of("mu_version: \"1.0\"\n", "", Kind.FRONT_MATTER, "mu_version"),
                Arguments.of("mu_version: \"1.0\"\n", "mu_version: \"1.1\"\n", Kind.FRONT_MATTER, "mu_version"),
                Arguments.of("mirror: text-reversal\n", "", Kind.FRONT_MATTER, "mirror"),
                Arguments.of("mirror: text-reversal\n", "mirror: line-reversal\n", Kind.MIRROR, "mirror"),
                Arguments.of("created_at: 2026-11-25T12:00:00Z\n", "", Kind.FRONT_MATTER, "created_at"),
                Arguments.of("created_at: 2026-11-25T12:00:00Z\n", "created_at: yesterday\n", Kind.FRONT_MATTER, "created_at"),
                Arguments.of("created_at: 2026-11-25T12:00:00Z\n", "created_at: 2026-11-25\n", Kind.FRONT_MATTER, "created_at"),
                Arguments.of("created_at: 2026-11-25T12:00:00Z\n", "created_at: 2026-11-25T12:00:00Z\nsigned_by: me\n",
                        Kind.FRONT_MATTER, "signed_by"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("headerEdits")
    void eachHeaderCheckRejectsItsEdit(String from, String to, Kind kind, String names) {
        assertTrue(receipt.contains(from), from);
        assertRejected(receipt.replace(from, to), kind, names);
    }

    static Stream<Arguments> digestForms() {
        return Stream.of(
                Arguments.of("upper case", "\"" + digest.toUpperCase(Locale.ROOT) + "\""),
                Arguments.of("63 digits", "\"" + digest.substring(1) + "\""),
                Arguments.of("65 digits", "\"" + digest + "0\""),
                Arguments.of("not hex", "\"" + "g" + digest.substring(1) + "\""),
                Arguments.of("padded", "\" " + digest + "\""),
                Arguments.of("prefixed", "\"sha3:" + digest + "\""),
                Arguments.of("a list", "[\"" + digest + "\"]"),
                Arguments.of("a mapping", "{hex: \"" + digest + "\"}"),
                Arguments.of("empty", "\"\""));
    }

    /** A digest that is not 64 lowercase hex digits is refused by its form, whatever else it matches. */
    @ParameterizedTest(name = "source_sha3_256 {0}")
    @MethodSource("digestForms")
    void sourceDigestMustBeSixtyFourLowercaseHexDigits(String label, String value) {
        assertRejected(receipt.replace(DIGEST_LINE + digest + "\"", "source_sha3_256: " + value),
                Kind.FRONT_MATTER, "source_sha3_256");
    }

    @ParameterizedTest(name = "prev_sha3_256 {0}")
    @MethodSource("digestForms")
    void previousDigestMustBeSixtyFourLowercaseHexDigits(String label, String value) {
        String withPrev = receipt.replace("created_at:", "prev_sha3_256: " + value + "\ncreated_at:");
        assertRejected(withPrev, Kind.FRONT_MATTER, "prev_sha3_256");
    }

    @Test
    void aWellFormedPreviousDigestIsAccepted() {
        String withPrev = receipt.replace("created_at:", "prev_sha3_256: \"" + "0a".repeat(32) + "\"\ncreated_at:");
        assertTrue(verify(withPrev).valid(), verify(withPrev).findings().toString());
    }

    @Test
    void aWrongDigestOfTheRightFormIsADigestFinding() {
        String other = (digest.charAt(0) == '0' ? "1" : "0") + digest.substring(1);
        ReceiptVerification v = verify(receipt.replace(digest, other));
        assertFalse(v.valid());
        assertEquals(List.of(Kind.DIGEST, Kind.UNSIGNED), v.findings().stream().map(ReceiptFinding::kind).toList());
    }

    @Test
    void theSourceFileIsComparedWhenGiven() throws Exception {
        byte[] source = Files.readAllBytes(dir.resolve("doc.maml.md"));
        assertTrue(ReceiptVerifier.verify(DocumentParser.parse(receipt), dir, source, TrustStore.EMPTY).valid());
        source[source.length - 2] ^= 1;
        ReceiptVerification v = ReceiptVerifier.verify(DocumentParser.parse(receipt), dir, source, TrustStore.EMPTY);
        assertEquals(List.of(Kind.SOURCE, Kind.UNSIGNED), v.findings().stream().map(ReceiptFinding::kind).toList());
    }

    @Test
    void notAReceiptAtAll() {
        for (String text : List.of("", "no front matter\n", "---\n---\nbody\n", "---\n- a list\n---\n", "---\nkey: [\n---\n")) {
            ReceiptVerification v = verify(text);
            assertFalse(v.valid(), text);
            assertEquals(Kind.FRONT_MATTER, v.findings().get(0).kind(), text);
            assertTrue(v.firstProblem() != null && !v.firstProblem().isBlank(), text);
        }
    }

    /** A header the parser cannot read is reported as such, not as a receipt with keys missing. */
    @Test
    void anUnreadableHeaderIsNamedAsSuch() {
        ReceiptVerification v = verify(receipt.replace("type: receipt\n", "type: [receipt\n"));
        assertEquals(List.of(Kind.FRONT_MATTER), v.findings().stream().map(ReceiptFinding::kind).toList());
        assertTrue(v.firstProblem().startsWith("not a readable receipt: "), v.firstProblem());
    }

    /** A mirror that cannot be undone is one finding: the body is not digested as if it could be. */
    @Test
    void anotherMirrorIsNotDigested() {
        String other = receipt.replace("mirror: text-reversal", "mirror: line-reversal");
        ReceiptVerification v = verify(other);
        assertEquals(List.of(Kind.MIRROR, Kind.UNSIGNED), v.findings().stream().map(ReceiptFinding::kind).toList());
        // Even with a body that no longer matches the digest: it is not un-mirrored, so not compared.
        assertTrue(other.contains(".em tpieceR"), other);
        ReceiptVerification changed = verify(other.replace(".em tpieceR", ".em tpieceX"));
        assertEquals(List.of(Kind.MIRROR, Kind.UNSIGNED), changed.findings().stream().map(ReceiptFinding::kind).toList());
    }

    /** An empty signature without a signer is an unsigned receipt, reported at its signature key. */
    @Test
    void anEmptySignatureWithoutASignerIsUnsigned() {
        String text = receipt.replace("created_at:", "signature: \"\"\ncreated_at:");
        ReceiptVerification v = verify(text);
        assertTrue(v.valid(), v.findings().toString());
        assertEquals(List.of(Kind.UNSIGNED), v.findings().stream().map(ReceiptFinding::kind).toList());
        assertEquals(text.indexOf("signature:"), v.findings().get(0).range().start());
    }

    private static void assertRejected(String edited, Kind kind, String names) {
        ReceiptVerification v = verify(edited);
        assertFalse(v.valid(), edited);
        assertTrue(v.findings().stream().anyMatch(f -> f.kind() == kind && f.message().contains(names)),
                () -> "expected a " + kind + " finding naming " + names + ": " + v.findings());
        assertTrue(v.firstProblem() != null, "a failing receipt names its first problem");
    }

    @Test
    void aCarriageReturnInTheHeaderIsRefusedWithItsLineAndPlace() {
        int thirdLineEnd = receipt.indexOf('\n', receipt.indexOf('\n', receipt.indexOf('\n') + 1) + 1);
        String text = receipt.substring(0, thirdLineEnd) + "\r" + receipt.substring(thirdLineEnd);
        ReceiptVerification v = verify(text);
        assertFalse(v.valid());
        assertEquals(List.of(new ReceiptFinding(Kind.FRONT_MATTER, "the receipt header holds a carriage return (line 3);"
                + " receipts are written with LF line breaks only", Range.of(thirdLineEnd, thirdLineEnd + 1))), v.findings());
    }

    @Test
    void aCarriageReturnInTheMirroredBodyIsNotAHeaderProblem() {
        int lastBreak = receipt.lastIndexOf('\n');
        assertTrue(lastBreak > receipt.indexOf("\n---\n"), "the receipt ends with its mirrored body");
        String text = receipt.substring(0, lastBreak) + "\r" + receipt.substring(lastBreak);
        ReceiptVerification v = verify(text);
        assertTrue(v.findings().stream().noneMatch(f -> f.message().contains("carriage return")), v.findings().toString());
    }
}
