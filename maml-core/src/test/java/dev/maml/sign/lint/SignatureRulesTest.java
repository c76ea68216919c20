package dev.maml.sign.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.lint.LintEngine;
import dev.maml.lint.LintSettings;
import dev.maml.model.FileKind;
import dev.maml.parse.DocumentParser;
import dev.maml.sign.Algorithm;
import dev.maml.sign.DocumentSigner;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.MlDsa;
import dev.maml.testing.TestData;
import dev.maml.trust.AllowedStores;
import dev.maml.trust.ProjectStores;
import dev.maml.trust.StoreSnapshot;
import dev.maml.trust.TrustSettings;
import dev.maml.trust.UserConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignatureRulesTest {

    static final KeyPair KEYS = MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom());
    static final LintEngine ENGINE = new LintEngine(SignatureRules.all());

    static List<Diagnostic> lint(String text, Path file) {
        return ENGINE.lint(DocumentParser.parse(text), LintSettings.DEFAULTS.withDocumentPath(file)).diagnostics()
                .stream().filter(d -> d.rule().name().startsWith("MAML07")).toList();
    }

    @Test
    void exampleIsUnsignedAndUsesALegacyName() throws Exception {
        String text = Files.readString(TestData.example());
        List<Diagnostic> found = lint(text, null);
        assertEquals(List.of(RuleId.MAML070, RuleId.MAML073), found.stream().map(Diagnostic::rule).toList());
        assertEquals(Severity.WARNING, found.get(0).severity());
        assertEquals("verification", text.substring(found.get(0).range().start(), found.get(0).range().end()));
        Diagnostic legacy = found.get(1);
        assertEquals(Severity.INFO, legacy.severity());
        assertEquals("\"crystals-dilithium\"", text.substring(legacy.range().start(), legacy.range().end()));
        Fix fix = legacy.fix();
        assertEquals("ml-dsa-65", fix.edits().get(0).newText());
        String fixed = text.substring(0, legacy.range().start()) + "ml-dsa-65" + text.substring(legacy.range().end());
        assertEquals(List.of(RuleId.MAML070), lint(fixed, null).stream().map(Diagnostic::rule).toList());
    }

    @Test
    void legacyNameInContextToo() {
        List<Diagnostic> found = lint("---\nid: x\n---\n## Context\nsignature_algorithm: Dilithium5\n", null);
        assertEquals(1, found.size());
        assertTrue(found.get(0).message().contains("ML-DSA-87"), found.get(0).message());
    }

    @Test
    void signedUntrustedInvalidAndTrusted(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("d.maml.md");
        String signed = DocumentSigner.sign(Files.readString(TestData.example()), KEYS.getPrivate(), dir, null,
                Instant.parse("2026-11-25T12:00:00Z"), new SecureRandom());
        assertEquals(List.of(RuleId.MAML072), lint(signed, doc).stream().map(Diagnostic::rule).toList());

        List<Diagnostic> invalid = lint(signed.replace("## Intent", "## Intent "), doc);
        assertEquals(List.of(RuleId.MAML071), invalid.stream().map(Diagnostic::rule).toList());
        assertEquals(Severity.ERROR, invalid.get(0).severity());

        Files.createDirectories(dir.resolve(".maml/trusted_keys"));
        KeyFiles.write(KEYS, dir.resolve(".maml/trusted_keys/ci").toString());
        List<Diagnostic> planted = lint(signed, doc);
        assertEquals(List.of(RuleId.MAML072), planted.stream().map(Diagnostic::rule).toList(),
                "a project store counts only once the user allowed it");
        assertTrue(planted.get(0).message().contains("is not allowed (review its keys, then: maml trust allow "),
                planted.get(0).message());

        AllowedStores allowed = AllowedStores.load(UserConfig.fromEnvironment());
        allowed.allow(StoreSnapshot.read(ProjectStores.named(dir).orElseThrow()));
        try {
            assertEquals(List.of(), lint(signed, doc));
            // A buffer with no path does not see the project's trust store.
            assertEquals(List.of(RuleId.MAML072), lint(signed, null).stream().map(Diagnostic::rule).toList());
            // Nor does an editor's untrusted workspace.
            LintSettings untrustedWorkspace = new LintSettings(Map.of(), doc, new TrustSettings(List.of(), false));
            assertEquals(List.of(RuleId.MAML072), ENGINE.lint(DocumentParser.parse(signed), untrustedWorkspace).diagnostics()
                    .stream().map(Diagnostic::rule).toList());

            Files.writeString(dir.resolve(".maml/trusted_keys/extra.pub"), KeyFiles.encodePublic(KEYS.getPublic()));
            List<Diagnostic> changed = lint(signed, doc);
            assertEquals(List.of(RuleId.MAML072), changed.stream().map(Diagnostic::rule).toList());
            assertTrue(changed.get(0).message().contains("changed since it was allowed"), changed.get(0).message());
        } finally {
            allowed.revoke(ProjectStores.named(dir).orElseThrow());
        }
    }

    @Test
    void plainWorkflowNeedsNoSignature() {
        assertEquals(List.of(), lint("---\ntype: workflow\n---\n## Intent\nx\n", null));
        assertEquals(List.of(RuleId.MAML070),
                lint("---\ntype: workflow\nquantum_security_flag: true\n---\n", null).stream().map(Diagnostic::rule).toList());
    }

    /** Called here, not only from a static initialiser: PIT cannot see a mutant that runs only there. */
    @Test
    void theRuleSetIsMissingCheckAndLegacy() {
        assertEquals(List.of(SignatureMissingRule.class, SignatureCheckRule.class, LegacyAlgorithmRule.class),
                SignatureRules.all().stream().map(Object::getClass).toList());
    }

    /** What the engine loads through ServiceLoader: the same rules, for documents only. */
    @Test
    void asAProviderItGivesTheSameRulesForDocuments() {
        SignatureRules provider = new SignatureRules();
        assertEquals(List.of(SignatureMissingRule.class, SignatureCheckRule.class, LegacyAlgorithmRule.class),
                provider.rules().stream().map(Object::getClass).toList());
        assertEquals(Set.of(FileKind.DOCUMENT), provider.kinds());
    }
}
