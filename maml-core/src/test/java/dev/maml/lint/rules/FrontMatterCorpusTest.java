package dev.maml.lint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.TextEdit;
import dev.maml.lint.LintEngine;
import dev.maml.lint.LintSettings;
import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The real, messy corpus: linting never throws, every front-matter finding and fix stays inside the
 * front matter, and applying all front-matter fixes leaves YAML that still reads as a mapping.
 */
class FrontMatterCorpusTest {

    private static final Set<RuleId> OURS = FrontMatterRules.all().stream().flatMap(r -> r.ids().stream())
            .collect(Collectors.toSet());

    @TestFactory
    Stream<DynamicTest> everyCorpusFileLintsAndFixesCleanly() {
        LintEngine engine = FixedFixturesTest.engine();
        return TestData.corpusFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            MamlDocument doc = DocumentParser.parse(Files.readAllBytes(file));
            List<Diagnostic> ours = engine.lint(doc, LintSettings.DEFAULTS).diagnostics().stream()
                    .filter(d -> OURS.contains(d.rule())).toList();
            for (Diagnostic d : ours) {
                assertTrue(doc.frontMatter().range().encloses(d.range()), d.toString());
                for (TextEdit e : d.optionalFix().map(f -> f.edits()).orElse(List.of())) {
                    assertTrue(doc.frontMatter().range().encloses(e.range()), e.toString());
                }
            }
            if (ours.stream().anyMatch(d -> d.fix() != null)) {
                MamlDocument fixed = DocumentParser.parse(TestFixes.apply(doc.text(), ours).getBytes(StandardCharsets.UTF_8));
                assertTrue(fixed.frontMatter().mapping().isPresent(), "fixes broke the YAML of " + file);
            }
        }));
    }

    @Test
    void corpusExercisesTheRules() {
        LintEngine engine = LintEngine.standard();
        Set<RuleId> seen = TestData.corpusFiles().stream().map(FrontMatterCorpusTest::read)
                .flatMap(doc -> engine.lint(doc, LintSettings.DEFAULTS).diagnostics().stream())
                .map(Diagnostic::rule).filter(OURS::contains).collect(Collectors.toSet());
        // The corpus's well-known defects: slug ids, 2048-AES claims, "execute: admin", non-FIPS methods.
        assertEquals(Set.of(), Set.of(RuleId.MAML012, RuleId.MAML015, RuleId.MAML018, RuleId.MAML020).stream()
                .filter(r -> !seen.contains(r)).collect(Collectors.toSet()));
    }

    private static MamlDocument read(Path file) {
        try {
            return DocumentParser.parse(Files.readAllBytes(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
