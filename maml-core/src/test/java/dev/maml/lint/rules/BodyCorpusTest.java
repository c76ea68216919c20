package dev.maml.lint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintEngine;
import dev.maml.lint.LintResult;
import dev.maml.lint.LintSettings;
import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The body rules on real, messy input: no exception, every finding inside the text, fixes inside it too. */
class BodyCorpusTest {

    private static final Set<RuleId> BODY = EnumSet.of(RuleId.MAML030, RuleId.MAML031, RuleId.MAML032, RuleId.MAML033,
            RuleId.MAML034, RuleId.MAML035, RuleId.MAML041, RuleId.MAML042, RuleId.MAML050, RuleId.MAML051,
            RuleId.MAML052, RuleId.MAML060, RuleId.MAML061, RuleId.MAML062);

    @TestFactory
    Stream<DynamicTest> everyCorpusFileLints() {
        LintEngine engine = LintEngine.standard();
        return TestData.corpusFiles().stream().map(file -> DynamicTest.dynamicTest(
                TestData.corpus().relativize(file).toString(), () -> {
                    MamlDocument doc = DocumentParser.read(file);
                    LintResult result = engine.lint(doc, LintSettings.DEFAULTS.withDocumentPath(file));
                    for (Diagnostic d : result.diagnostics()) {
                        assertTrue(d.range().end() <= doc.text().length(), d.toString());
                        assertTrue(!d.message().isBlank() && !d.message().contains("\n"), d.toString());
                        d.optionalFix().ifPresent(f -> f.edits().forEach(e ->
                                assertTrue(e.range().end() <= doc.text().length(), d.toString())));
                    }
                }));
    }

    @Test
    void theCorpusExercisesTheBodyRules() throws IOException {
        Set<RuleId> seen = EnumSet.noneOf(RuleId.class);
        for (Path file : TestData.corpusFiles()) {
            LintEngine.standard().lint(DocumentParser.read(file), LintSettings.DEFAULTS).diagnostics()
                    .forEach(d -> seen.add(d.rule()));
        }
        seen.retainAll(BODY);
        // the corpus is real input: these are the body rules its documents actually break
        assertEquals(EnumSet.of(RuleId.MAML030, RuleId.MAML031, RuleId.MAML032, RuleId.MAML034, RuleId.MAML035,
                RuleId.MAML041, RuleId.MAML042, RuleId.MAML050, RuleId.MAML052, RuleId.MAML060), seen);
    }

    @Test
    void theCanonicalExampleBreaksNoBodyRule() throws IOException {
        MamlDocument doc = DocumentParser.read(TestData.example());
        List<Diagnostic> body = LintEngine.standard().lint(doc, LintSettings.DEFAULTS).diagnostics().stream()
                .filter(d -> BODY.contains(d.rule())).toList();
        assertEquals(List.of(), body);
    }
}
