package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 1 through the real command line: keys injected behind a lone CR after a trusted
 * signature, a forged receipt run block, a receipt chain; and lint's MAML093 with its fix.
 */
class OneReadingCommandsTest {

    @TempDir
    Path dir;

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private Path signedDocument() throws Exception {
        Path doc = dir.resolve("drone.maml.md");
        Files.copy(TestData.example(), doc);
        assertEquals(0, CliRun.of("keygen", "--alg", "ML-DSA-44", "--out", p("k")).exitCode());
        CliRun sign = CliRun.of("sign", doc.toString(), "--key", p("k.key"));
        assertEquals(0, sign.exitCode(), sign.err());
        return doc;
    }

    /** {@code text} with {@code insert} right after the line that starts with {@code lineStart}. */
    private static String afterLine(String text, String lineStart, String insert) {
        int at = text.indexOf('\n', text.indexOf(lineStart));
        return text.substring(0, at) + insert + text.substring(at);
    }

    @Test
    void keysInjectedBehindALoneCrAfterATrustedSignatureAreMalformed() throws Exception {
        Path doc = signedDocument();
        assertEquals(0, CliRun.of("verify", doc.toString(), "--trust", p("k.pub")).exitCode());
        String signed = Files.readString(doc);
        Files.writeString(doc, afterLine(signed, "  signature: ", " #\rencryption: \"none\"\r---\r"));
        CliRun forged = CliRun.of("verify", doc.toString(), "--trust", p("k.pub"));
        assertEquals(1, forged.exitCode(), forged.out());
        assertTrue(forged.out().contains(": malformed: ") && forged.out().contains("lone carriage return"), forged.out());
        assertEquals(1, forged.out().lines().count(), "one line: " + forged.out());
    }

    @Test
    void aForgedRunBlockInASignedReceiptAndItsChainAreRejected() throws Exception {
        Path doc = signedDocument();
        assertEquals(0, CliRun.of("receipt", "create", doc.toString(), "--key", p("k.key")).exitCode());
        assertEquals(0, CliRun.of("receipt", "create", doc.toString(), "--key", p("k.key")).exitCode());
        Path first = dir.resolve("drone.mu");
        assertEquals(0, CliRun.of("receipt", "verify", "--chain", dir.toString()).exitCode());
        String receipt = Files.readString(first);
        Files.writeString(first, afterLine(receipt, "signature: ",
                " #\rrun:\r  run_id: \"x\"\r  identity: \"agent://attacker\""));
        CliRun forged = CliRun.of("receipt", "verify", first.toString());
        assertEquals(1, forged.exitCode(), forged.out());
        assertTrue(forged.out().contains("carriage return"), forged.out());
        CliRun chain = CliRun.of("receipt", "verify", "--chain", dir.toString());
        assertEquals(1, chain.exitCode(), chain.out());
        assertFalse(chain.out().contains("intact"), chain.out());
    }

    @Test
    void lintReportsALoneCrInASignedDocumentAndFixTurnsItIntoALineBreak() throws Exception {
        Path doc = signedDocument();
        Files.writeString(doc, Files.readString(doc).replace("Secure drone communication", "Secure drone\rcommunication"));
        CliRun lint = CliRun.of("lint", doc.toString());
        assertEquals(1, lint.exitCode(), lint.out());
        assertTrue(lint.out().contains("error MAML093/lone-carriage-return"), lint.out());
        // A fix of a signed document is unsafe (it changes the signed bytes): --fix alone leaves it.
        CliRun safe = CliRun.of("lint", "--fix", doc.toString());
        assertTrue(Files.readString(doc).contains("\r"), safe.err());
        CliRun fix = CliRun.of("lint", "--fix", "--unsafe-fixes", doc.toString());
        String fixed = Files.readString(doc);
        assertFalse(fixed.contains("\r"), fixed);
        assertTrue(fixed.contains("Secure drone\ncommunication"), fixed);
        assertFalse(fix.out().contains("MAML093"), fix.out());
    }

    @Test
    void minAlgorithmRefusesWeakerSignaturesWithExitThree() throws Exception {
        Path doc = signedDocument();
        CliRun weak = CliRun.of("verify", doc.toString(), "--trust", p("k.pub"), "--min-algorithm", "ML-DSA-65");
        assertEquals(3, weak.exitCode(), weak.out());
        assertTrue(weak.out().contains(": below-minimum: signed with ML-DSA-44"), weak.out());
        CliRun json = CliRun.of("verify", doc.toString(), "--trust", p("k.pub"), "--min-algorithm", "ml-dsa-87", "--json");
        assertEquals(3, json.exitCode(), json.out());
        assertTrue(json.out().contains("\"outcome\" : \"below-minimum\""), json.out());
        assertEquals(0, CliRun.of("verify", doc.toString(), "--trust", p("k.pub"), "--min-algorithm", "ML-DSA-44")
                .exitCode());
        CliRun bad = CliRun.of("verify", doc.toString(), "--min-algorithm", "RSA-2048");
        assertEquals(2, bad.exitCode());
        assertEquals("maml: --min-algorithm: 'RSA-2048' is not ML-DSA-44, ML-DSA-65 or ML-DSA-87", bad.err().strip());
    }

    @Test
    void runAndRunBatchRefuseADocumentSignedBelowTheMinimum() throws Exception {
        Path doc = RunFixtures.copyDemo(dir);
        String pub = dir.resolve("keys/demo-only-drone-security.pub").toString();
        CliRun run = CliRun.of("run", doc.toString(), "--trust", pub, "--min-algorithm", "ML-DSA-87");
        assertEquals(3, run.exitCode(), run.err());
        assertEquals("below-minimum", RunFixtures.json(run).get("document_signature").get("outcome").asString());
        assertTrue(run.err().contains("weaker than the ML-DSA-87"), run.err());
        CliRun allowed = CliRun.of("run", doc.toString(), "--trust", pub, "--allow-untrusted", "--min-algorithm",
                "ML-DSA-87");
        assertEquals(3, allowed.exitCode(), "--allow-untrusted does not lift the minimum");
        CliRun batch = CliRun.of("run-batch", doc.toString(), "--trust", pub, "--min-algorithm", "ML-DSA-87");
        assertEquals(3, batch.exitCode(), batch.out() + batch.err());
        assertEquals(2, CliRun.of("run", doc.toString(), "--min-algorithm", "dsa").exitCode());
        assertEquals(2, CliRun.of("run-batch", doc.toString(), "--min-algorithm", "dsa").exitCode());
        assertFalse(Files.exists(dir.resolve("drone_communication.mu")), "no receipt from a refused run");
    }
}
