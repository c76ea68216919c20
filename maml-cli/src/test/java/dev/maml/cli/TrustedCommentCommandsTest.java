package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.report.Json;
import dev.maml.sign.TrustedComment;
import dev.maml.testing.TestData;
import dev.maml.yaml.YamlMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** `maml sign --trusted-comment` and what `maml verify` shows of it, hostile comments included. */
class TrustedCommentCommandsTest {

    private static final List<String> VERIFICATION_KEYS =
            List.of("key_id", "method", "public_key", "signature", "signed_at", "trusted_comment");

    @TempDir
    Path dir;

    private Path doc;

    @BeforeEach
    void documentAndKey() throws Exception {
        doc = Files.copy(TestData.example(), dir.resolve("d.maml.md"));
        assertEquals(0, CliRun.of("keygen", "--out", p("alice")).exitCode());
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void theCommentIsSignedAndShownOnlyForAValidTrustedSignature() throws Exception {
        CliRun sign = CliRun.of("sign", doc.toString(), "--key", p("alice.key"), "--trusted-comment", "release 1.4, reviewed");
        assertEquals(0, sign.exitCode(), sign.err());
        assertTrue(Files.readString(doc).contains("\n  trusted_comment: \"release 1.4, reviewed\"\n  signature: \""));

        CliRun trusted = CliRun.of("verify", doc.toString(), "--trust", p("alice.pub"));
        assertEquals(0, trusted.exitCode());
        assertTrue(trusted.out().contains(doc + ": trusted comment: release 1.4, reviewed\n"), trusted.out());
        JsonNode json = Json.MAPPER.readTree(CliRun.of("verify", doc.toString(), "--trust", p("alice.pub"), "--json").out());
        assertEquals("release 1.4, reviewed", json.get("trusted_comment").asString());

        CliRun untrusted = CliRun.of("verify", doc.toString());
        assertEquals(3, untrusted.exitCode());
        assertFalse(untrusted.out().contains("trusted comment"), "an untrusted key's comment is not shown: " + untrusted.out());
        assertFalse(Json.MAPPER.readTree(CliRun.of("verify", doc.toString(), "--json").out()).has("trusted_comment"));

        Files.writeString(doc, Files.readString(doc).replace("release 1.4", "release 1.5"));
        CliRun tampered = CliRun.of("verify", doc.toString(), "--trust", p("alice.pub"));
        assertEquals(1, tampered.exitCode(), "the comment is covered by the signature");
        assertFalse(tampered.out().contains("trusted comment"), tampered.out());
    }

    @Test
    void reSigningWithoutACommentRemovesTheOldOne() throws Exception {
        assertEquals(0, CliRun.of("sign", doc.toString(), "--key", p("alice.key"), "--trusted-comment", "by alice").exitCode());
        assertEquals(0, CliRun.of("sign", doc.toString(), "--key", p("alice.key")).exitCode());
        assertFalse(Files.readString(doc).contains("trusted_comment"), Files.readString(doc));
        CliRun verify = CliRun.of("verify", doc.toString(), "--trust", p("alice.pub"));
        assertEquals(0, verify.exitCode());
        assertFalse(verify.out().contains("trusted comment"), verify.out());
        assertEquals(0, CliRun.of("sign", doc.toString(), "--key", p("alice.key"), "--trusted-comment", "second").exitCode());
        assertEquals(0, CliRun.of("sign", doc.toString(), "--key", p("alice.key"), "--trusted-comment", "third").exitCode());
        assertEquals(1, Files.readString(doc).split("trusted_comment", -1).length - 1, "replaced where it stands");
        assertTrue(Files.readString(doc).contains("trusted_comment: \"third\""));
    }

    @Test
    void hostileCommentsStayOneValueAndNeitherAddKeysNorBreakTheSignatureLine() throws Exception {
        assertEquals(0, CliRun.of("sign", doc.toString(), "--key", p("alice.key")).exitCode());
        String lintBefore = lintRules();
        List<String> hostile = List.of(
                "a\"\nmethod: ml-dsa-44",
                "x\n  signature: \"AAAA\"",
                "\"\n  signature: \"AAAA\"\n  x: \"",
                "# not a comment: value",
                "\\\" \\n \\x41 \\",
                "\r---\rencryption: none",
                "\u2028permissions: all\u2029",
                "\u0085NEL\u000bVT\ffeed\ttab",
                "\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007 \u001b[31mred",
                "\u202eevil\u202c bidi \u200b zero-width \ufeff bom",
                "{flow: map}, [seq], &anchor *alias !tag |literal >folded",
                "' single \" double ` back",
                "emoji \ud83d\udd11 and \u00e9",
                "");
        for (String comment : hostile) {
            CliRun sign = CliRun.of("sign", doc.toString(), "--key", p("alice.key"), "--trusted-comment", comment);
            assertEquals(0, sign.exitCode(), sign.err());
            String text = Files.readString(doc);
            assertEquals(comment, TrustedComment.read(text).orElseThrow(), "read back exactly");
            MamlDocument parsed = DocumentParser.parse(text);
            YamlMapping verification = (YamlMapping) parsed.frontMatter().mapping().orElseThrow().get("verification").orElseThrow();
            assertEquals(VERIFICATION_KEYS, verification.entries().stream().map(e -> e.key().value()).sorted().toList(),
                    Json.compact(comment));
            String line = text.lines().filter(l -> l.startsWith("  trusted_comment: ")).findFirst().orElseThrow();
            assertTrue(line.chars().allMatch(c -> c >= 0x20 && c != 0x7f && !Character.isISOControl(c)),
                    "the written line holds no control character: " + Json.compact(line));

            CliRun verify = CliRun.of("verify", doc.toString(), "--trust", p("alice.pub"));
            assertEquals(0, verify.exitCode(), verify.out());
            assertEquals(2, verify.out().lines().count(), "one result line and one comment line: " + verify.out());
            assertTrue(verify.out().chars().noneMatch(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f)
                    || c == 0x2028 || c == 0x2029 || c == 0x202e)), "printed escaped: " + Json.compact(verify.out()));
            assertEquals(lintBefore, lintRules(), "no lint finding from the comment: " + Json.compact(comment));
        }
    }

    @Test
    void aHandWrittenCommentAsTheLastEntryIsRemovedAndCrlfDocumentsKeepTheirLineBreaks() throws Exception {
        // The example's verification block, with a comment a person wrote as its last entry.
        String crlf = Files.readString(doc).replace("  public_key: \"dilithium_public_key.hex\"\n",
                "  public_key: \"dilithium_public_key.hex\"\n  trusted_comment: >-\n    folded\n    text\n")
                .replace("\n", "\r\n");
        Files.writeString(doc, crlf);
        assertEquals(0, CliRun.of("sign", doc.toString(), "--key", p("alice.key")).exitCode());
        String signed = Files.readString(doc);
        assertFalse(signed.contains("trusted_comment") || signed.contains("folded"), signed);
        assertFalse(signed.replace("\r\n", "").contains("\n"), "CRLF kept throughout");
        assertEquals(0, CliRun.of("verify", doc.toString(), "--trust", p("alice.pub")).exitCode());

        assertEquals(0, CliRun.of("sign", doc.toString(), "--key", p("alice.key"), "--trusted-comment", "crlf").exitCode());
        assertTrue(Files.readString(doc).contains("  trusted_comment: \"crlf\"\r\n"));
        assertFalse(Files.readString(doc).replace("\r\n", "").contains("\n"), "CRLF kept throughout");
        CliRun verify = CliRun.of("verify", doc.toString(), "--trust", p("alice.pub"));
        assertEquals(0, verify.exitCode(), verify.out());
        assertTrue(verify.out().contains(": trusted comment: crlf\n"), verify.out());
    }

    @Test
    void aCommentThatCannotBeWrittenIsRefusedAndTheFileLeftAsItIs() throws Exception {
        byte[] before = Files.readAllBytes(doc);
        for (String comment : List.of("x".repeat(1025), "\u00e9".repeat(513), "lone \ud800 surrogate")) {
            CliRun sign = CliRun.of("sign", doc.toString(), "--key", p("alice.key"), "--trusted-comment", comment);
            assertEquals(2, sign.exitCode());
            assertTrue(sign.err().startsWith("maml: " + doc + ": the trusted comment "), sign.err());
            assertArrayEquals(before, Files.readAllBytes(doc));
        }
        assertEquals(0, CliRun.of("sign", doc.toString(), "--key", p("alice.key"), "--trusted-comment", "x".repeat(1024))
                .exitCode());
    }

    /** The rules `maml lint` reports for the document (the example's own findings and MAML072, untrusted). */
    private String lintRules() {
        CliRun lint = CliRun.of("lint", doc.toString(), "--format", "json");
        JsonNode files = Json.MAPPER.readTree(lint.out()).get("files");
        StringBuilder rules = new StringBuilder();
        files.forEach(f -> f.get("diagnostics").forEach(d -> rules.append(d.get("rule").asString()).append(' ')));
        return rules.toString();
    }
}
