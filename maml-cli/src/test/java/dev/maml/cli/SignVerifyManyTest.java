package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** `maml sign` and `maml verify` of several files in one call, and `maml verify -` (standard input). */
class SignVerifyManyTest {

    @TempDir
    Path dir;

    private Path a;
    private Path b;

    @BeforeEach
    void documentsAndKeys() throws Exception {
        Files.createDirectories(dir.resolve("docs"));
        a = Files.copy(TestData.example(), dir.resolve("docs/a.maml.md"));
        b = Files.copy(TestData.example(), dir.resolve("docs/b.maml.md"));
        assertEquals(0, CliRun.of("keygen", "--out", p("docs/alice")).exitCode());
        Files.createDirectories(dir.resolve("elsewhere"));
        assertEquals(0, CliRun.of("keygen", "--out", p("elsewhere/bob")).exitCode());
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void signSignsEachFileAndAFileThatCannotBeSignedIsLeftAsItIs() throws Exception {
        Path flow = Files.writeString(dir.resolve("docs/flow.maml.md"), Files.readString(a).replaceFirst("\nverification:",
                "\nverification: {method: ml-dsa-65}\nold_verification:"));
        byte[] flowBefore = Files.readAllBytes(flow);
        CliRun sign = CliRun.of("sign", a.toString(), p("missing.maml.md"), flow.toString(), b.toString(), "--key", p("docs/alice.key"));
        assertEquals(2, sign.exitCode(), sign.err());
        assertTrue(sign.out().contains("Signed " + a + " with key ") && sign.out().contains("Signed " + b + " with key "),
                sign.out());
        assertTrue(sign.err().contains("maml: " + p("missing.maml.md") + ": no such file"), sign.err());
        assertTrue(sign.err().contains("maml: " + flow + ": verification must be a block mapping"), sign.err());
        assertEquals(2, sign.err().lines().count(), sign.err());
        assertArrayEquals(flowBefore, Files.readAllBytes(flow));
        assertEquals(0, CliRun.of("verify", a.toString(), b.toString(), "--trust", p("docs/alice.pub")).exitCode());
    }

    @Test
    void verifyPrintsEachFileAndExitsWithTheWorstOutcome() throws Exception {
        assertEquals(0, CliRun.of("sign", a.toString(), b.toString(), "--key", p("docs/alice.key")).exitCode());
        Path unsigned = Files.copy(TestData.example(), dir.resolve("docs/u.maml.md"));
        String trust = p("docs/alice.pub");

        CliRun allGood = CliRun.of("verify", a.toString(), b.toString(), "--trust", trust);
        assertEquals(0, allGood.exitCode(), allGood.out());
        assertEquals(2, allGood.out().lines().filter(l -> l.contains(": valid: ")).count(), allGood.out());

        assertEquals(3, CliRun.of("verify", a.toString(), b.toString()).exitCode(), "valid but untrusted");
        CliRun oneBad = CliRun.of("verify", a.toString(), unsigned.toString(), b.toString());
        assertEquals(1, oneBad.exitCode(), "unsigned (1) is worse than untrusted (3)");
        assertTrue(oneBad.out().contains(a + ": valid-untrusted: ") && oneBad.out().contains(unsigned + ": unsigned: "),
                oneBad.out());
        CliRun missing = CliRun.of("verify", unsigned.toString(), p("none.maml.md"), a.toString(), "--trust", trust);
        assertEquals(2, missing.exitCode(), "an I/O error (2) is the worst");
        assertTrue(missing.err().contains(p("none.maml.md") + ": no such file"), missing.err());
        assertTrue(missing.out().contains(a + ": valid: "), "the files after it are still checked: " + missing.out());
        assertEquals(2, CliRun.of("verify", a.toString(), dir.toString(), "--trust", trust).exitCode());
    }

    @Test
    void jsonIsAnObjectForOneFileAndAnArrayForSeveral() throws Exception {
        assertEquals(0, CliRun.of("sign", a.toString(), "--key", p("docs/alice.key")).exitCode());
        JsonNode one = Json.MAPPER.readTree(CliRun.of("verify", a.toString(), "--json").out());
        assertTrue(one.isObject(), one.toString());
        assertEquals("valid-untrusted", one.get("outcome").asString());
        JsonNode several = Json.MAPPER.readTree(CliRun.of("verify", a.toString(), b.toString(), "--json").out());
        assertTrue(several.isArray() && several.size() == 2, several.toString());
        assertEquals(a.toString(), several.get(0).get("file").asString());
        assertEquals("unsigned", several.get(1).get("outcome").asString());
    }

    @Test
    void verifyDashReadsTheDocumentFromStandardInputAndResolvesNoPathsForIt() throws Exception {
        // Bob's key lies outside the document's tree, so the signature embeds it (base64:).
        assertEquals(0, CliRun.of("sign", a.toString(), "--key", p("elsewhere/bob.key")).exitCode());
        byte[] embedded = Files.readAllBytes(a);
        CliRun stdin = CliRun.withStdin(embedded, "verify", "-", "--trust", p("elsewhere/bob.pub"));
        assertEquals(0, stdin.exitCode(), stdin.out() + stdin.err());
        assertTrue(stdin.out().startsWith("-: valid: "), stdin.out());
        assertEquals(1, CliRun.withStdin(new String(embedded, StandardCharsets.UTF_8).replace("drone", "Drone")
                .getBytes(StandardCharsets.UTF_8), "verify", "-", "--trust", p("elsewhere/bob.pub")).exitCode());

        // Alice's key is referenced by a path relative to the document: from stdin there is no document directory.
        assertEquals(0, CliRun.of("sign", b.toString(), "--key", p("docs/alice.key")).exitCode());
        assertTrue(Files.readString(b).contains("public_key: \"alice.pub\""));
        CliRun relative = CliRun.withStdin(Files.readAllBytes(b), "verify", "-", "--trust", p("docs/alice.pub"));
        assertEquals(1, relative.exitCode(), relative.out());
        assertTrue(relative.out().contains("-: malformed: ") && relative.out().contains("has no directory"), relative.out());

        CliRun twice = CliRun.withStdin(embedded, "verify", "-", "-");
        assertEquals(2, twice.exitCode());
        assertFalse(twice.out().contains("valid"), twice.out());
    }
}
