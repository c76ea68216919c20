package dev.maml.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.model.Range;
import dev.maml.parse.DocumentParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** At most {@link Findings#MAX_PER_RULE} findings per rule, then one that counts the rest. */
class FindingsLimitTest {

    private static final String FRONT_MATTER = "---\nmaml_version: \"2.0.0\"\n---\n";

    private static List<Diagnostic> unknownSections(String text, LintSettings settings) {
        return LintEngine.standard().lint(DocumentParser.parse(text), settings).diagnostics().stream()
                .filter(d -> d.rule() == RuleId.MAML032).toList();
    }

    @Test
    void findingsPastTheLimitBecomeOneCountingFinding() {
        String text = FRONT_MATTER + "## Intnet\nx\n".repeat(Findings.MAX_PER_RULE + 3);
        List<Diagnostic> found = unknownSections(text, LintSettings.DEFAULTS);

        assertEquals(Findings.MAX_PER_RULE + 1, found.size());
        Diagnostic summary = found.get(found.size() - 1);
        int firstLeftOut = FRONT_MATTER.length() + 12 * Findings.MAX_PER_RULE + 3;
        assertEquals(Range.of(firstLeftOut, firstLeftOut + 6), summary.range(), "at the first finding left out");
        assertEquals("… and 3 more MAML032 findings from here on, not listed (at most 1000 per rule and document)",
                summary.message());
        assertEquals(RuleId.MAML032.defaultSeverity(), summary.severity());
    }

    @Test
    void suppressedFindingsDoNotCountAndTheSummaryTakesTheConfiguredSeverity() {
        String text = FRONT_MATTER + "<!-- maml-lint-disable-next-line MAML032 -->\n## Intnet\nx\n"
                + "## Intnet\nx\n".repeat(Findings.MAX_PER_RULE + 1);
        LintSettings errors = new LintSettings(Map.of(RuleId.MAML032, new RuleSetting(true, Severity.ERROR, Map.of())),
                null);
        List<Diagnostic> found = unknownSections(text, errors);

        assertEquals(Findings.MAX_PER_RULE + 1, found.size());
        assertEquals("… and 1 more MAML032 findings from here on, not listed (at most 1000 per rule and document)",
                found.get(found.size() - 1).message());
        assertEquals(Severity.ERROR, found.get(found.size() - 1).severity());
    }

    @Test
    void atTheLimitNothingIsLeftOut() {
        String text = FRONT_MATTER + "## Intnet\nx\n".repeat(Findings.MAX_PER_RULE);
        List<Diagnostic> found = unknownSections(text, LintSettings.DEFAULTS);

        assertEquals(Findings.MAX_PER_RULE, found.size());
        assertEquals(0, found.stream().filter(d -> d.message().startsWith("… and")).count());
    }

    @Test
    void directiveFindingsHaveTheLimitToo() {
        // a document of directives that name no rule: MAML081 is listed 1000 times, then counted
        String text = FRONT_MATTER + "## Intent\nx\n" + "<!-- maml-lint-disable-line NOPE -->\n".repeat(Findings.MAX_PER_RULE + 5);
        List<Diagnostic> found = LintEngine.standard().lint(DocumentParser.parse(text), LintSettings.DEFAULTS).diagnostics()
                .stream().filter(d -> d.rule() == RuleId.MAML081).toList();
        assertEquals(Findings.MAX_PER_RULE + 1, found.size());
        assertEquals("… and 5 more MAML081 findings from here on, not listed (at most 1000 per rule and document)",
                found.get(found.size() - 1).message());
    }
}
