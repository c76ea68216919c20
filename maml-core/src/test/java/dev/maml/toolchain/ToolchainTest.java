package dev.maml.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.io.OutsideTreeException;
import dev.maml.lint.LintSettings;
import dev.maml.model.FileKind;
import dev.maml.model.MamlDocument;
import dev.maml.sign.Algorithm;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.MlDsa;
import dev.maml.sign.Outcome;
import dev.maml.sign.SignaturePolicy;
import dev.maml.sign.SigningException;
import dev.maml.testing.TestData;
import dev.maml.trust.TrustSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolchainTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    final Toolchain toolchain = new Toolchain();

    @TempDir
    Path dir;
    Path key;
    Path pub;
    Path doc;

    @BeforeEach
    void keysAndDocument() throws IOException {
        Files.createDirectory(dir.resolve("keys"));
        Path[] files = KeyFiles.write(MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom()), dir.resolve("keys/me").toString());
        pub = files[0];
        key = files[1];
        doc = dir.resolve("flight.maml.md");
        Files.copy(TestData.example(), doc);
    }

    static List<RuleId> rules(LintOutcome outcome) {
        return outcome.result().diagnostics().stream().map(Diagnostic::rule).toList();
    }

    /** What a finding says, without its fix (a fix may hold a fresh random UUID). */
    static List<String> findings(List<Diagnostic> found) {
        return found.stream().map(d -> d.rule() + " " + d.severity() + " " + d.range() + " " + d.message()).toList();
    }

    Session signing() {
        return Session.builder().identity(new Identity(key, pub)).clock(CLOCK).build();
    }

    @Test
    void lintUsesTheEngineOfTheKindAndTheDocumentsConfig() throws IOException {
        Session session = Session.standard();
        LintOutcome outcome = toolchain.lint(session.read(doc), session);
        assertEquals(findings(Linting.lint(Files.readAllBytes(doc), FileKind.DOCUMENT,
                LintSettings.DEFAULTS.withDocumentPath(doc)).diagnostics()), findings(outcome.result().diagnostics()));
        assertTrue(rules(outcome).contains(RuleId.MAML070), rules(outcome).toString());

        Files.writeString(dir.resolve(".maml-lint.yaml"), "rules:\n  MAML070: error\nignores: [\"skip.maml.md\"]\n");
        Session configured = Session.standard();
        Diagnostic unsigned = toolchain.lint(configured.read(doc), configured).result().diagnostics().stream()
                .filter(d -> d.rule() == RuleId.MAML070).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, unsigned.severity());
        LintOutcome ignored = toolchain.lint(Source.of("x", dir.resolve("skip.maml.md"), FileKind.DOCUMENT), configured);
        assertTrue(ignored.ignored());
        assertNull(ignored.result());
    }

    @Test
    void aBrokenConfigIsAnOutcomeNotAnException() throws IOException {
        Files.writeString(dir.resolve(".maml-lint.yaml"), "rules:\n  MAML012: loud\n");
        LintOutcome outcome = toolchain.lint(Source.of("x", doc, FileKind.DOCUMENT), Session.standard());
        assertTrue(outcome.configError().endsWith(":2:12: unknown severity (expected off, on, error, warning, info or hint)"),
                outcome.configError());
        assertFalse(outcome.ignored());
    }

    @Test
    void fixSaysWhenItChangedASignedDocument() throws Exception {
        // Trailing spaces after the opening delimiter: MAML091, which has a fix.
        String unsigned = Files.readString(doc).replaceFirst("^---\n", "---  \n");
        Fixed plain = toolchain.fix(Source.of(unsigned, doc, FileKind.DOCUMENT), Session.standard(), false);
        assertTrue(plain.outcome().text().startsWith("---\n"));
        assertTrue(plain.outcome().fixes() > 0);
        assertFalse(plain.brokeSignature(), "nothing was signed");

        Session session = signing();
        String signed = toolchain.sign(session.read(doc), session).text().replaceFirst("^---\n", "---  \n");
        Fixed resigned = toolchain.fix(Source.of(signed, doc, FileKind.DOCUMENT), Session.standard(), true);
        assertTrue(resigned.outcome().text().startsWith("---\n"));
        assertTrue(resigned.brokeSignature());

        Fixed notUtf8 = toolchain.fix(Source.of(new byte[] {'-', '-', '-', '\n', (byte) 0xff}, doc), Session.standard(), true);
        assertTrue(notUtf8.notUtf8());
        assertNull(notUtf8.outcome());
    }

    @Test
    void formatGivesTheCanonicalTextAndSaysWhetherItWasSigned() throws Exception {
        Formatted same = toolchain.format(Source.of("---\nid: x\n---\n## Intent\n\nx\n", null, FileKind.DOCUMENT));
        assertFalse(same.changed());
        Formatted changed = toolchain.format(Source.of("---\nid: x\n---\n## Intent\nx", null, FileKind.DOCUMENT));
        assertTrue(changed.changed());
        assertEquals("---\nid: x\n---\n## Intent\n\nx\n", changed.text());
        assertFalse(changed.signed());
        Session session = signing();
        String signed = toolchain.sign(session.read(doc), session).text();
        assertTrue(toolchain.format(Source.of(signed, doc, FileKind.DOCUMENT)).signed());
        assertNull(toolchain.format(Source.of(new byte[] {(byte) 0xc3}, doc)).text());
    }

    @Test
    void signThenVerifyWithTheSessionsTrustAndPolicy() throws Exception {
        Session session = signing();
        Signed signed = toolchain.sign(session.read(doc), session);
        assertTrue(signed.text().contains("2026-12-01T10:00:00Z"), "the session's clock dates the signature");
        Files.writeString(doc, signed.text());

        Verified untrusted = toolchain.verify(Session.standard().read(doc), Session.standard());
        assertEquals(Outcome.VALID_UNTRUSTED, untrusted.verification().outcome());
        Session trusting = Session.builder().trust(new TrustSettings(List.of(pub), true)).build();
        Verified trusted = toolchain.verify(trusting.read(doc), trusting);
        assertEquals(Outcome.VALID, trusted.verification().outcome());
        assertEquals(signed.keyId(), trusted.verification().keyId());
        Session strict = Session.builder().trust(new TrustSettings(List.of(pub), true))
                .signaturePolicy(SignaturePolicy.minimum("ML-DSA-87")).build();
        assertEquals(Outcome.BELOW_MINIMUM, toolchain.verify(strict.read(doc), strict).verification().outcome());
    }

    @Test
    void aPublicKeyOutsideTheTreeIsRefusedUnlessTheIdentityEmbedsIt() throws Exception {
        Path project = Files.createDirectory(dir.resolve("project"));
        Path inner = Files.copy(doc, project.resolve("d.maml.md"));
        Session strict = Session.builder().identity(new Identity(key, pub)).build();
        assertThrows(OutsideTreeException.class, () -> toolchain.sign(strict.read(inner), strict));

        Session editor = Session.builder().identity(new Identity(key, pub, true)).build();
        assertTrue(toolchain.sign(editor.read(inner), editor).text().contains("public_key: \"base64:"));
        ReceiptDraft receipt = toolchain.receiptCreate(editor.read(inner), null, editor);
        assertTrue(receipt.check().valid() && receipt.text().contains("base64:"), receipt.text());
        assertTrue(toolchain.sign(editor.read(doc), editor).text().contains("public_key: \"keys/me.pub\""),
                "inside the tree the path is still referenced");
    }

    @Test
    void editorTrustReachesTheSignatureRuleTyped() throws Exception {
        Session session = signing();
        Files.writeString(doc, toolchain.sign(session.read(doc), session).text());
        assertTrue(rules(toolchain.lint(Session.standard().read(doc), Session.standard())).contains(RuleId.MAML072));
        Session editor = Session.builder().trust(new TrustSettings(List.of(pub), false)).build();
        assertFalse(rules(toolchain.lint(editor.read(doc), editor)).contains(RuleId.MAML072));
    }

    @Test
    void aLintConfigCannotTrustAKey() throws Exception {
        Session session = signing();
        Files.writeString(doc, toolchain.sign(session.read(doc), session).text());
        Files.writeString(dir.resolve(".maml-lint.yaml"), "rules:\n  MAML072: {trust: [keys/me.pub]}\n");
        assertTrue(rules(toolchain.lint(Session.standard().read(doc), Session.standard())).contains(RuleId.MAML072),
                "trust comes from the person linting, not from the repository's config");
    }

    @Test
    void signingNeedsAnIdentityAndUtf8() {
        assertThrows(SigningException.class, () -> toolchain.sign(Source.of("x", doc, FileKind.DOCUMENT), Session.standard()));
        SigningException e = assertThrows(SigningException.class,
                () -> toolchain.sign(Source.of(new byte[] {(byte) 0xff}, doc), signing()));
        assertEquals(doc + ": not valid UTF-8; the signature would not cover the file's bytes", e.getMessage());
    }

    @Test
    void receiptCreateThenVerify() throws Exception {
        Session session = signing();
        ReceiptDraft draft = toolchain.receiptCreate(session.read(doc), null, session);
        assertEquals(dir.resolve("flight.mu"), draft.file());
        assertTrue(draft.check().valid() && draft.check().signed(), draft.check().findings().toString());
        assertFalse(Files.exists(draft.file()), "a draft is not written");
        Files.writeString(draft.file(), draft.text());

        Session trusting = Session.builder().trust(new TrustSettings(List.of(pub), true)).build();
        ReceiptChecked checked = toolchain.receiptVerify(trusting.read(draft.file()), trusting.read(doc), trusting);
        assertTrue(checked.verification().valid() && checked.verification().trusted(), checked.verification().findings().toString());
        ReceiptChecked otherSource = toolchain.receiptVerify(trusting.read(draft.file()),
                Source.of("---\nid: other\n---\n".getBytes(StandardCharsets.UTF_8), dir.resolve("o.maml.md")), trusting);
        assertFalse(otherSource.verification().valid());

        Session wrongPub = Session.builder().identity(new Identity(key, TestData.example())).build();
        assertThrows(IOException.class, () -> toolchain.receiptCreate(session.read(doc), null, wrongPub));
        assertThrows(IOException.class, () -> toolchain.receiptCreate(Source.of("x", null, FileKind.DOCUMENT), null, session));
    }

    @Test
    void parseIsTheParsersTreeAndAParsedSourceIsNotParsedAgain() {
        Source source = Source.of("---\nid: x\n---\n## Intent\nx\n", null, FileKind.DOCUMENT);
        MamlDocument tree = toolchain.parse(source);
        assertTrue(tree.section("Intent").isPresent());
        assertSame(tree, toolchain.parse(Source.parsed(tree, null, FileKind.DOCUMENT)));
    }
}
