package dev.maml.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintSettings;
import dev.maml.sign.DocumentVerifier;
import dev.maml.sign.Outcome;
import dev.maml.sign.Verification;
import dev.maml.sign.lint.SignatureRules;
import dev.maml.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run checks the document's signature exactly once, in the signature step, and reports that very
 * check: the lint gate does not run the signature rules (MAML070-073) at all.
 */
class OneSignatureVerificationTest {

    private static final Path DEMO = TestData.repositoryRoot().resolve("examples/demo");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path doc;
    private Path pub;
    private final List<Verification> checks = new ArrayList<>();
    private Pipeline pipeline;

    @BeforeEach
    void demoAndACountingVerifier() throws Exception {
        Files.createDirectories(dir.resolve("keys"));
        doc = Files.copy(DEMO.resolve("drone_communication.maml.md"), dir.resolve("drone_communication.maml.md"));
        Files.copy(DEMO.resolve("drone_communication_data.csv"), dir.resolve("drone_communication_data.csv"));
        pub = Files.copy(DEMO.resolve("keys/demo-only-drone-security.pub"), dir.resolve("keys/demo-only-drone-security.pub"));
        pipeline = new Pipeline(CLOCK, () -> {
            throw new AssertionError("no code block runs here");
        }, (document, documentDir, trust, policy) -> {
            Verification v = DocumentVerifier.verify(document, documentDir, trust, policy);
            checks.add(v);
            return v;
        });
    }

    private RunResult run() {
        return pipeline.run(RunRequest.builder(doc).trust(List.of(pub)).seed(5).build());
    }

    private static SignatureGate.DocumentSignature reported(RunResult result) {
        return result.report().parts().stream().filter(SignatureGate.DocumentSignature.class::isInstance)
                .map(SignatureGate.DocumentSignature.class::cast).findFirst().orElseThrow();
    }

    @Test
    void aSignedDocumentIsVerifiedOnceAndTheResultReportsThatVerification() {
        RunResult result = run();
        assertEquals(0, result.exitCode(), result.message());
        assertEquals(1, checks.size(), "one signature verification per run");
        assertSame(checks.get(0), reported(result).verification());
        assertEquals("valid", result.result().get("document_signature").get("outcome").asString());
    }

    @Test
    void aTamperedDocumentIsAlsoVerifiedOnceAndRefused() throws Exception {
        Files.writeString(doc, Files.readString(doc).replace("## Intent\n", "## Intent\nTampered.\n"));
        RunResult result = run();
        assertEquals(RunFailure.REFUSED, result.exitCode(), result.message());
        assertEquals("signature", result.failedStep());
        assertEquals(1, checks.size(), "the lint gate did not verify it first");
        assertEquals(Outcome.INVALID, checks.get(0).outcome());
        assertSame(checks.get(0), reported(result).verification());
    }

    @Test
    void theLintGateTurnsOffEverySignatureRuleEvenWhenTheConfigurationTurnsThemOn() throws Exception {
        Files.writeString(doc.resolveSibling(".maml-lint.yaml"), "rules:\n  MAML071: on\n  MAML001: off\nignores:\n  - \"*.maml.md\"\n");
        LintSettings gate = LintGate.settingsFor(doc);
        // The engine runs a rule only when one of its ids is enabled: none of these is.
        SignatureRules.all().forEach(rule -> rule.ids().forEach(id ->
                assertFalse(gate.setting(id).enabled(), rule.getClass().getSimpleName() + " would run: " + id)));
        assertFalse(gate.setting(RuleId.MAML001).enabled(), "the rest of the configuration is kept, ignores or not");
        assertEquals(doc.toAbsolutePath().normalize(), gate.documentPath());
    }
}
