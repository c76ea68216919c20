package dev.maml.sign.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintResult;
import dev.maml.lint.LintSettings;
import dev.maml.lint.RuleFixture;
import dev.maml.lint.RuleFixturesTest;
import dev.maml.lint.rules.TestFixes;
import dev.maml.model.FileKind;
import dev.maml.toolchain.Linting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the signature rules' fixtures (src/test/resources/fixtures/MAML07x/) must show beyond the
 * markers that {@link RuleFixturesTest} and the {@code .fixed} files that FixedFixturesTest check for
 * every rule (and RuleFixturesTest's check that every rule has bad and good fixtures): each broken
 * signature is reported for its own reason. The signed fixtures carry real ML-DSA-44 signatures (see fixtures/README.md).
 */
class SignatureRuleFixturesTest {

    /** Lints with the MAML072 folder's store allowed, as {@link RuleFixturesTest} sets it up. */
    @BeforeAll
    static void allowTheFixtureStore() throws IOException {
        RuleFixturesTest.allowTheFixtureStore();
    }

    static Path root() {
        return RuleFixturesTest.fixturesRoot();
    }

    static LintResult lint(Path file, String text) {
        return Linting.lint(text.getBytes(StandardCharsets.UTF_8), FileKind.DOCUMENT,
                LintSettings.DEFAULTS.withDocumentPath(file));
    }

    /** The markers only say where; each broken signature must also be reported for its own reason. */
    @Test
    void eachInvalidSignatureFixtureIsReportedForItsReason() {
        Map<String, String> reasons = Map.of(
                "bad-edited-after-signing.maml.md", "the signature does not match the document",
                "bad-not-base64.maml.md", "verification.signature is not valid base64",
                "bad-public-key-missing.maml.md", "missing.pub: no such file",
                "bad-signature-in-flow-mapping.maml.md", "verification.signature must be on a line of its own",
                "bad-wrong-public-key.maml.md", "verification.key_id 51d16adf84777913 does not match the public key (02a4495f6c671187)");
        reasons.forEach((name, reason) -> {
            Path file = root().resolve("MAML071").resolve(name);
            List<String> messages = lint(file, RuleFixture.read(file).text()).diagnostics().stream()
                    .filter(d -> d.rule() == RuleId.MAML071).map(Diagnostic::message).toList();
            assertEquals(1, messages.size(), name + ": " + messages);
            assertTrue(messages.get(0).contains(reason), name + ": " + messages.get(0));
        });
    }
}
