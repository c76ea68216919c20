package dev.maml.receipt.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintEngine;
import dev.maml.lint.LintSettings;
import dev.maml.model.FileKind;
import dev.maml.parse.DocumentParser;
import dev.maml.receipt.Receipts;
import dev.maml.sign.Algorithm;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.MlDsa;
import dev.maml.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptRulesTest {

    static final LintEngine ENGINE = new LintEngine(ReceiptRules.all());
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    static List<RuleId> lint(Path receipt) throws Exception {
        return ENGINE.lint(DocumentParser.read(receipt), LintSettings.DEFAULTS.withDocumentPath(receipt)).diagnostics()
                .stream().map(Diagnostic::rule).filter(r -> r.name().startsWith("MU")).toList();
    }

    @Test
    void receiptsOfEveryKind(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("doc.maml.md");
        Files.copy(TestData.example(), source);
        Path key = KeyFiles.write(MlDsa.generate(Algorithm.ML_DSA_65, new SecureRandom()), dir.resolve("k").toString())[1];

        Path signed = Receipts.of(source).out(dir.resolve("signed.mu")).key(key).at(NOW).create();
        assertEquals(List.of(), lint(signed));
        Path unsigned = Receipts.of(source).out(dir.resolve("unsigned.mu")).at(NOW).create();
        assertEquals(List.of(RuleId.MU005), lint(unsigned));

        String text = Files.readString(signed);
        Files.writeString(signed, text.replace("mirror: text-reversal", "mirror: word-reversal"));
        assertEquals(List.of(RuleId.MU002, RuleId.MU004), lint(signed));
        Files.writeString(signed, text.substring(0, text.length() - 3) + "!" + text.substring(text.length() - 2));
        assertEquals(List.of(RuleId.MU003, RuleId.MU004), lint(signed));

        String plain = Files.readString(unsigned);
        Files.writeString(unsigned, plain.replace("mu_version: \"1.0\"", "mu_version: \"0.9\"")
                .replace("created_at: 2026-11-25T12:00:00Z", "created_at: yesterday"));
        assertEquals(List.of(RuleId.MU005, RuleId.MU001, RuleId.MU001), lint(unsigned)); // document order
        Files.writeString(unsigned, plain);

        Files.writeString(source, Files.readString(source) + "\n");
        assertEquals(List.of(RuleId.MU005, RuleId.MU006), lint(unsigned));
    }

    @Test
    void legacyCorpusReceiptsAreFlagged() throws Exception {
        for (Path mu : TestData.corpusFiles().stream().filter(p -> p.toString().endsWith(".mu")).toList()) {
            List<RuleId> ids = lint(mu);
            assertEquals(RuleId.MU001, ids.get(0), mu + ": " + ids);
        }
    }

    /** Called here, not only from a static initialiser: PIT cannot see a mutant that runs only there. */
    @Test
    void theRuleSetIsTheReceiptCheck() {
        assertEquals(List.of(ReceiptCheckRule.class), ReceiptRules.all().stream().map(Object::getClass).toList());
    }

    /** What the engine loads through ServiceLoader: the same rules, for receipts only. */
    @Test
    void asAProviderItGivesTheSameRulesForReceiptsOnly() {
        ReceiptRules provider = new ReceiptRules();
        assertEquals(List.of(ReceiptCheckRule.class), provider.rules().stream().map(Object::getClass).toList());
        assertEquals(Set.of(FileKind.RECEIPT), provider.kinds());
    }
}
