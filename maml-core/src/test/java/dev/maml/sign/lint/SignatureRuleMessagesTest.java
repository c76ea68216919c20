package dev.maml.sign.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintSettings;
import dev.maml.lint.RuleSetting;
import dev.maml.parse.DocumentParser;
import dev.maml.sign.DocumentSigner;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.KeyId;
import dev.maml.trust.TrustSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact text and place of MAML070, MAML072 and MAML073 findings, and the trust option's paths. */
class SignatureRuleMessagesTest {

    private static final String UNSIGNED = " should be signed; run: maml sign FILE --key KEY";

    private static Diagnostic only(String text) {
        List<Diagnostic> found = SignatureRulesTest.lint(text, null);
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    private static String at(String text, Diagnostic d) {
        return text.substring(d.range().start(), d.range().end());
    }

    @Test
    void aMissingSignatureIsReportedAtWhatClaimsSecurity() {
        String both = "---\nquantum_security_flag: true\ntype: security_workflow\n---\n";
        Diagnostic d = only(both);
        assertEquals("a security_workflow" + UNSIGNED, d.message());
        assertEquals("security_workflow", at(both, d));

        String flag = "---\ntype: workflow\nquantum_security_flag: true\n---\n";
        d = only(flag);
        assertEquals("a document with quantum_security_flag: true" + UNSIGNED, d.message());
        assertEquals("true", at(flag, d));

        assertEquals(List.of(), SignatureRulesTest.lint("---\nquantum_security_flag: false\n---\n", null));
        assertEquals("a security_workflow" + UNSIGNED, only("---\ntype: security_workflow\n---\n").message());

        String block = "---\nquantum_security_flag: true\nverification:\n  method: ml-dsa-44\n---\n";
        d = only(block);
        assertEquals("verification", at(block, d));
    }

    @Test
    void aSignatureThatCannotBeCheckedIsReportedAtItsValueOrElseAtTheBlock() throws Exception {
        String list = "---\nverification:\n  method: ml-dsa-44\n  signature: [a]\n---\n";
        Diagnostic d = only(list);
        assertEquals(RuleId.MAML071, d.rule());
        assertEquals("verification", at(list, d));
        String signed = DocumentSigner.sign("---\nid: x\n---\n", SignatureRulesTest.KEYS.getPrivate(), null, null,
                Instant.EPOCH, new SecureRandom()).replace("id: x", "id: y");
        d = only(signed);
        assertEquals(RuleId.MAML071, d.rule());
        assertEquals(signed.substring(signed.indexOf("signature: ") + "signature: ".length(), signed.lastIndexOf('"') + 1),
                at(signed, d));
    }

    @Test
    void aLegacyMethodNameInASignedDocumentSaysToReSign() throws Exception {
        String signed = DocumentSigner.sign("---\nid: x\n---\n", SignatureRulesTest.KEYS.getPrivate(), null, null,
                Instant.EPOCH, new SecureRandom()).replace("method: ml-dsa-44", "method: Dilithium2");
        List<Diagnostic> found = SignatureRulesTest.lint(signed, null).stream()
                .filter(d -> d.rule() == RuleId.MAML073).toList();
        assertEquals(1, found.size(), found.toString());
        assertEquals("'Dilithium2' is read as ML-DSA-44 (FIPS 204), which is not byte-compatible with round-3 Dilithium; "
                + "write ml-dsa-44 (the document is signed: renaming changes the signed bytes, so re-sign afterwards)",
                found.get(0).message());
        assertEquals("Dilithium2", at(signed, found.get(0)));

        String unsigned = "---\nverification:\n  method: \"Dilithium2\"\n---\n";
        Diagnostic d = only(unsigned);
        assertEquals("'Dilithium2' is read as ML-DSA-44 (FIPS 204), which is not byte-compatible with round-3 Dilithium; "
                + "write ml-dsa-44", d.message());
        assertEquals("\"Dilithium2\"", at(unsigned, d));
    }

    @Test
    void theSessionsTrustedKeyFilesCountAndNoOthers(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("d.maml.md");
        String signed = DocumentSigner.sign("---\nid: x\n---\n", SignatureRulesTest.KEYS.getPrivate(), dir, null,
                Instant.EPOCH, new SecureRandom());
        Path pub = Files.writeString(Files.createDirectories(dir.resolve("keys")).resolve("k.pub"),
                KeyFiles.encodePublic(SignatureRulesTest.KEYS.getPublic()));
        assertEquals(List.of(), lint(signed, doc, List.of(pub)), "trusted by the session");
        List<Diagnostic> untrusted = lint(signed, doc, List.of());
        assertEquals(List.of(RuleId.MAML072), untrusted.stream().map(Diagnostic::rule).toList());
        assertEquals("signed by key " + KeyId.of(SignatureRulesTest.KEYS.getPublic()) + ", which is in no trust store",
                untrusted.get(0).message().substring(0, untrusted.get(0).message().indexOf(" (trust it")));
    }

    /** Project stores off: only the session's key files (and the test user's empty store) can vouch. */
    private static List<Diagnostic> lint(String text, Path file, List<Path> trust) {
        LintSettings settings = new LintSettings(Map.of(RuleId.MAML072, new RuleSetting(true, null, Map.of())), file,
                new TrustSettings(trust, false));
        return SignatureRulesTest.ENGINE.lint(DocumentParser.parse(text), settings).diagnostics().stream()
                .filter(d -> d.rule().name().startsWith("MAML07")).toList();
    }
}
