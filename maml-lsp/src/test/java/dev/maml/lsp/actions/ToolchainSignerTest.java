package dev.maml.lsp.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lsp.LspDocument;
import dev.maml.lsp.ServerSettings;
import dev.maml.lsp.diagnostics.Linter;
import dev.maml.sign.Algorithm;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.KeyId;
import dev.maml.sign.MlDsa;
import dev.maml.trust.AllowedStores;
import dev.maml.trust.ProjectStores;
import dev.maml.trust.StoreSnapshot;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Source;
import dev.maml.trust.UserConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's signing actions with real ML-DSA keys: what they produce verifies as `maml verify` would. */
class ToolchainSignerTest {

    static final String DOC = "---\nmaml_version: \"2.0.0\"\nid: \"urn:uuid:6f1c2a9e-3b7d-4e8f-9a0b-1c2d3e4f5a6b\"\n"
            + "type: security_workflow\n---\n## Intent\nFly.\n\n## History\n- 2026-01-01T00:00:00Z: [CREATE] x\n";

    @TempDir
    Path dir;

    final ToolchainSigner signer = new ToolchainSigner();

    /**
     * The session the server builds from these settings (paths relative to the test's directory),
     * the one its lint uses too.
     */
    Session session(Path key, Path publicKey, List<Path> trust, boolean projectStores) {
        return new Linter(new ServerSettings(null, Map.of(), key == null ? null : key.toString(),
                publicKey == null ? null : publicKey.toString(), trust.stream().map(Path::toString).toList(), null, 0,
                projectStores), dir).session();
    }

    Session session(Path key, Path publicKey, List<Path> trust) {
        return session(key, publicKey, trust, true);
    }

    static Source text(String text, Path document) {
        return new LspDocument(document == null ? "untitled:Untitled-1" : document.toUri().toString(), 1, text).source();
    }

    @Test
    void signedTextVerifiesAndIsTrustedOnlyWithTheKey() throws IOException {
        Path[] files = KeyFiles.write(MlDsa.generate(Algorithm.DEFAULT, new SecureRandom()), dir.resolve("k").toString());
        Path doc = Files.writeString(dir.resolve("d.maml.md"), DOC);
        Session keys = session(files[1], null, List.of());

        DocumentSigner.Outcome signed = signer.sign(text(DOC, doc), keys);
        assertTrue(signed.text().contains("[SIGN] by "), signed.message());
        assertTrue(signed.text().contains("public_key: \"k.pub\""), signed.text());
        assertTrue(signer.verify(text(signed.text(), doc), keys).message().startsWith("valid-untrusted:"));
        assertTrue(signer.verify(text(signed.text(), doc), session(files[1], null, List.of(files[0])))
                .message().startsWith("valid:"));
        assertTrue(signer.verify(text(signed.text().replace("Fly.", "Run."), doc), keys).message().startsWith("invalid:"));

        // The typed fields the VS Code extension reads: the outcome, trust, and the key that signed.
        VerificationResult trusted = signer.verify(text(signed.text(), doc), session(files[1], null, List.of(files[0])));
        assertEquals("valid", trusted.outcome());
        assertTrue(trusted.valid() && trusted.trusted());
        assertEquals(Algorithm.DEFAULT.id(), trusted.algorithm());
        assertEquals(KeyId.of(KeyFiles.readPublic(files[0])), trusted.keyId());
        VerificationResult untrusted = signer.verify(text(signed.text(), doc), keys);
        assertEquals("valid-untrusted", untrusted.outcome());
        assertTrue(untrusted.valid() && !untrusted.trusted());
        assertEquals(untrusted.outcome() + ": " + untrusted.reason(), untrusted.message());
        VerificationResult unsigned = signer.verify(text(DOC, doc), keys);
        assertEquals("unsigned", unsigned.outcome());
        assertFalse(unsigned.valid());
        assertNull(unsigned.keyId());
    }

    @Test
    void aConfiguredPublicKeyOutsideTheDocumentsTreeIsEmbedded() throws IOException {
        Path keysDir = Files.createDirectories(dir.resolve("keys"));
        Path[] files = KeyFiles.write(MlDsa.generate(Algorithm.DEFAULT, new SecureRandom()), keysDir.resolve("k").toString());
        Path project = Files.createDirectories(dir.resolve("project"));
        Path doc = Files.writeString(project.resolve("d.maml.md"), DOC);
        Session keys = session(files[1], files[0], List.of(files[0]));

        DocumentSigner.Outcome signed = signer.sign(text(DOC, doc), keys);
        assertTrue(signed.text() != null && signed.text().contains("public_key: \"base64:"), signed.message());
        assertTrue(signer.verify(text(signed.text(), doc), keys).message().startsWith("valid:"));
    }

    @Test
    void theEditorsTrustSettingCountsForMaml072() throws IOException {
        Path[] files = KeyFiles.write(MlDsa.generate(Algorithm.DEFAULT, new SecureRandom()), dir.resolve("k").toString());
        Path doc = Files.writeString(dir.resolve("d.maml.md"), DOC);
        String signed = signer.sign(text(DOC, doc), session(files[1], null, List.of())).text();
        LspDocument open = new LspDocument(doc.toUri().toString(), 1, signed);
        assertTrue(rules(new Linter(ServerSettings.DEFAULTS, dir), open).contains(RuleId.MAML072));
        ServerSettings trusting = new ServerSettings(null, Map.of(), null, null, List.of("k.pub"), null, 0);
        List<RuleId> trusted = rules(new Linter(trusting, dir), open);
        assertFalse(trusted.contains(RuleId.MAML072), trusted.toString());
        assertFalse(trusted.contains(RuleId.MAML071), trusted.toString());
    }

    @Test
    void projectStoresCountOnlyWhenAllowedAndNeverInAnUntrustedWorkspace() throws IOException {
        Path[] files = KeyFiles.write(MlDsa.generate(Algorithm.DEFAULT, new SecureRandom()), dir.resolve("k").toString());
        Files.createDirectories(dir.resolve(".maml/trusted_keys"));
        Files.copy(files[0], dir.resolve(".maml/trusted_keys/k.pub"));
        Path doc = Files.writeString(dir.resolve("d.maml.md"), DOC);
        Session keys = session(files[1], null, List.of());
        String signed = signer.sign(text(DOC, doc), keys).text();
        LspDocument open = new LspDocument(doc.toUri().toString(), 1, signed);
        assertTrue(rules(new Linter(ServerSettings.DEFAULTS, dir), open).contains(RuleId.MAML072), "planted, not allowed");
        assertTrue(signer.verify(text(signed, doc), keys).message().startsWith("valid-untrusted:"));

        AllowedStores allowed = AllowedStores.load(UserConfig.fromEnvironment());
        allowed.allow(StoreSnapshot.read(ProjectStores.named(dir).orElseThrow()));
        try {
            assertFalse(rules(new Linter(ServerSettings.DEFAULTS, dir), open).contains(RuleId.MAML072), "allowed");
            assertTrue(signer.verify(text(signed, doc), keys).message().startsWith("valid:"));

            ServerSettings untrusted = ServerSettings.from(JsonParser.parseString("{\"maml\": {\"projectTrustStores\": false}}"));
            assertFalse(untrusted.projectTrustStores());
            assertTrue(rules(new Linter(untrusted, dir), open).contains(RuleId.MAML072), "an untrusted workspace");
            assertTrue(signer.verify(text(signed, doc), session(files[1], null, List.of(), false)).message()
                    .startsWith("valid-untrusted:"));
            assertTrue(ServerSettings.from(JsonParser.parseString("{\"projectTrustStores\": \"no\"}")).projectTrustStores(),
                    "only an explicit false turns them off");
        } finally {
            allowed.revoke(ProjectStores.named(dir).orElseThrow());
        }
    }

    private static List<RuleId> rules(Linter linter, LspDocument doc) {
        return linter.lint(doc).result().diagnostics().stream().map(Diagnostic::rule).toList();
    }

    @Test
    void receiptIsDraftedNextToTheDocumentFromTheEditorsText() throws IOException {
        Path doc = Files.writeString(dir.resolve("d.maml.md"), "stale text on disk");
        DocumentSigner.Outcome receipt = signer.receipt(text(DOC, doc), session(null, null, List.of()));
        assertEquals(dir.resolve("d.mu"), receipt.file());
        assertTrue(receipt.text().contains("type: receipt"), receipt.text());
        assertTrue(receipt.text().contains("source_id: \"urn:uuid:6f1c2a9e-3b7d-4e8f-9a0b-1c2d3e4f5a6b\""), receipt.text());
    }

    @Test
    void aReceiptIsSignedWithTheKeySettingsAndAnOutsidePublicKeyIsEmbedded() throws IOException {
        Path keysDir = Files.createDirectories(dir.resolve("keys"));
        Path[] files = KeyFiles.write(MlDsa.generate(Algorithm.DEFAULT, new SecureRandom()), keysDir.resolve("k").toString());
        Path doc = Files.writeString(Files.createDirectories(dir.resolve("project")).resolve("d.maml.md"), DOC);
        DocumentSigner.Outcome receipt = signer.receipt(text(DOC, doc), session(files[1], files[0], List.of()));
        assertTrue(receipt.text() != null && receipt.text().contains("base64:"), receipt.message());
        assertTrue(receipt.text().contains(KeyId.of(KeyFiles.readPublic(files[0]))), receipt.text());
    }

    @Test
    void missingKeyIsAMessageNotAnException() {
        DocumentSigner.Outcome outcome = signer.sign(text(DOC, null), session(null, null, List.of()));
        assertNull(outcome.text());
        assertTrue(outcome.message().contains("no signing key"), outcome.message());
        DocumentSigner.Outcome broken = signer.sign(text(DOC, null),
                session(dir.resolve("missing.key"), null, List.of()));
        assertNull(broken.text());
    }
}
