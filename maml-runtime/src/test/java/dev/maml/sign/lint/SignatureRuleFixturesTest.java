package dev.maml.sign.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintResult;
import dev.maml.lint.LintSettings;
import dev.maml.lint.RuleFixture;
import dev.maml.lint.rules.TestFixes;
import dev.maml.linting.FileKind;
import dev.maml.linting.Linting;
import dev.maml.trust.AllowedStores;
import dev.maml.trust.ProjectStores;
import dev.maml.trust.StoreSnapshot;
import dev.maml.trust.UserConfig;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The signature rules' fixtures under src/test/resources/fixtures/RULE_ID/, in the style of the
 * parser's RuleFixturesTest, linted as files through {@link Linting} as {@code maml lint} does (so
 * relative public_key paths and the MAML072 folder's allowed trust store are found from the fixture's path):
 * a {@code bad-*.maml.md} gets exactly the findings its markers name, a {@code good-*.maml.md} none
 * of its folder's rule, and a {@code .fixed} sibling is what the folder rule's fixes make of a bad
 * file. The signed fixtures carry real ML-DSA-44 signatures (see fixtures/README.md).
 */
class SignatureRuleFixturesTest {

    static final Set<RuleId> SIGNATURE_RULES = Set.of(RuleId.MAML070, RuleId.MAML071, RuleId.MAML072, RuleId.MAML073);

    /** The MAML072 folder's store counts as the user allowed it (in the tests' own configuration, see the pom). */
    @BeforeAll
    static void allowTheFixtureStore() throws IOException {
        AllowedStores.load(UserConfig.fromEnvironment())
                .allow(StoreSnapshot.read(ProjectStores.named(root().resolve("MAML072")).orElseThrow()));
    }

    static Path root() {
        return TestData.repositoryRoot().resolve("maml-runtime/src/test/resources/fixtures");
    }

    static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    static LintResult lint(Path file, String text) {
        return Linting.lint(text.getBytes(StandardCharsets.UTF_8), FileKind.DOCUMENT,
                LintSettings.DEFAULTS.withDocumentPath(file));
    }

    static RuleId folderRule(Path file) {
        return RuleId.find(file.getParent().getFileName().toString()).orElseThrow();
    }

    @Test
    void everySignatureRuleHasBadAndGoodFixtures() throws IOException {
        List<Path> all = files(".maml.md");
        for (String kind : List.of("bad-", "good-")) {
            Set<RuleId> covered = all.stream().filter(p -> p.getFileName().toString().startsWith(kind))
                    .map(SignatureRuleFixturesTest::folderRule).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(SIGNATURE_RULES), covered, kind + " fixtures under " + root());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureGetsExactlyItsMarkedFindings() throws IOException {
        return files(".maml.md").stream().map(file -> DynamicTest.dynamicTest(root().relativize(file).toString(), () -> {
            RuleFixture fixture = RuleFixture.read(file);
            if (file.getFileName().toString().startsWith("bad")) {
                assertFalse(fixture.expected().isEmpty(), file + " is a bad fixture without markers");
            }
            assertEquals(fixture.expected().stream().sorted().toList(),
                    fixture.actual(lint(file, fixture.text())).stream().sorted().toList(), file.toString());
        }));
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

    @TestFactory
    Stream<DynamicTest> fixesGiveTheFixedFile() throws IOException {
        List<Path> fixed = files(".maml.md.fixed");
        assertFalse(fixed.isEmpty(), ".fixed fixtures not found under " + root());
        return fixed.stream().map(expectedFile -> DynamicTest.dynamicTest(root().relativize(expectedFile).toString(), () -> {
            Path badFile = expectedFile.resolveSibling(expectedFile.getFileName().toString().replace(".fixed", ""));
            RuleFixture bad = RuleFixture.read(badFile);
            RuleId rule = folderRule(badFile);
            List<Diagnostic> findings = lint(badFile, bad.text()).diagnostics().stream().filter(d -> d.rule() == rule).toList();
            String after = TestFixes.apply(bad.text(), findings);
            assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), after);
            // Nothing the bad file was marked for is left (for the signed fixture: renaming the
            // method back to the name that was signed makes the signature verify again).
            assertEquals(List.of(), bad.actual(lint(badFile, after)), "findings left after fixing");
        }));
    }
}
