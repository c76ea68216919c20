package dev.maml.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintSettings;
import dev.maml.model.FileKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LintingTest {

    /** Trailing spaces on the delimiter (MAML091) and an unclosed fence in the body (MAML040). */
    static final String TEXT = "---  \nmu_version: \"1.0\"\n---\n## Intent\n```python\nprint(1)\n";

    static List<RuleId> ids(FileKind kind) {
        return Linting.lint(TEXT, kind, LintSettings.DEFAULTS).diagnostics().stream().map(Diagnostic::rule).toList();
    }

    @Test
    void documentsGetParserFrontMatterAndBodyFindingsButNoReceiptFindings() {
        List<RuleId> ids = ids(FileKind.DOCUMENT);
        assertTrue(ids.containsAll(List.of(RuleId.MAML091, RuleId.MAML040, RuleId.MAML010, RuleId.MAML019)), ids.toString());
        assertTrue(ids.stream().noneMatch(id -> id.id().startsWith("MU")), ids.toString());
    }

    @Test
    void receiptsGetOnlyFileFrontMatterAndReceiptFindings() {
        List<RuleId> ids = ids(FileKind.RECEIPT);
        assertTrue(ids.containsAll(List.of(RuleId.MAML091, RuleId.MU001)), ids.toString());
        assertTrue(ids.stream().allMatch(id -> id.id().startsWith("MU") || Linting.RECEIPT_SCOPE.contains(id)),
                ids.toString());
    }

    @Test
    void documentsGetTheSignatureRules() {
        String unsigned = "---\nmaml_version: \"2.0.0\"\ntype: security_workflow\n---\n## Intent\nx\n";
        assertTrue(Linting.lint(unsigned, FileKind.DOCUMENT, LintSettings.DEFAULTS).diagnostics().stream()
                .anyMatch(d -> d.rule() == RuleId.MAML070));
    }

    @Test
    void fixUsesTheEngineOfTheKind() {
        assertEquals("---\nmu_version: \"1.0\"\n---\n## Intent\n```python\nprint(1)\n",
                Linting.fix(TEXT, FileKind.RECEIPT, LintSettings.DEFAULTS, false).text());
    }

    @Test
    void kindsByName() {
        assertEquals(Optional.of(FileKind.DOCUMENT), FileKind.of(Path.of("a/b.maml.md")));
        assertEquals(Optional.of(FileKind.DOCUMENT), FileKind.of(Path.of("B.MAML.Markdown")));
        assertEquals(Optional.of(FileKind.RECEIPT), FileKind.of(Path.of("r.mu")));
        assertEquals(Optional.empty(), FileKind.of(Path.of("README.md")));
        assertEquals(FileKind.DOCUMENT, FileKind.named(Path.of("notes.txt")));
        assertEquals(FileKind.RECEIPT, FileKind.named(Path.of("x.mu")));
    }

    @Test
    void theRunGateLeavesTheSignatureRulesAndTheirDirectivesAlone() {
        // `maml lint` uses this directive (MAML070: unsigned); the gate turns MAML070 off, which must not
        // make the directive an unused one there, even where a config made MAML080 an error
        String text = "---\nmaml_version: \"2.0.0\"\ntype: security_workflow\n---\n## Intent\nx\n<!-- maml-lint-disable-file MAML070 -->\n";
        Resolution.Lint gate = (Resolution.Lint) Session.builder().severities(Linting.GATE_OFF).build().resolve(null);
        List<RuleId> ids = Linting.lint(text, FileKind.DOCUMENT, gate.settings()).diagnostics().stream().map(Diagnostic::rule).toList();
        assertTrue(!ids.contains(RuleId.MAML080) && !ids.contains(RuleId.MAML070), ids.toString());
        List<RuleId> linted = Linting.lint(text, FileKind.DOCUMENT, LintSettings.DEFAULTS).diagnostics().stream().map(Diagnostic::rule).toList();
        assertTrue(!linted.contains(RuleId.MAML080) && !linted.contains(RuleId.MAML070), "maml lint: the directive is used " + linted);
    }
}
