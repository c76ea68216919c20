package dev.maml.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.lint.fix.Fixer;
import dev.maml.parse.DocumentParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MAML080 (a directive that suppresses nothing) and MAML081 (a name that is no rule) through the real
 * engine and the real fixer; TestRules report MAML032 on each "SHOUT", MAML033 on an empty section,
 * MAML012 on a bad id.
 */
class UnusedDirectivesTest {

    static final String HEAD = SuppressionsTest.HEAD;

    static LintResult lint(String text, LintSettings settings) {
        return TestRules.engine().lint(DocumentParser.parse(text), settings);
    }

    static List<String> findings(String text) {
        return SuppressionsTest.findings(text);
    }

    static String fixed(String text) {
        return Fixer.fixAll(text, t -> lint(t, LintSettings.DEFAULTS)).text();
    }

    @Test
    void aSecondDisableOfARuleAlreadyOffIsTheUnusedOne() {
        String text = HEAD + "<!-- maml-lint-disable MAML032 -->\n<!-- maml-lint-disable MAML032 -->\nSHOUT\n";
        assertEquals(List.of("MAML080@6"), findings(text));
        assertEquals(HEAD + "<!-- maml-lint-disable MAML032 -->\nSHOUT\n", fixed(text));
    }

    @Test
    void aRangeEndedByEnableBeforeAnyFindingIsUnused() {
        String text = HEAD + "<!-- maml-lint-disable MAML032 -->\n<!-- maml-lint-enable MAML032 -->\nSHOUT\n";
        assertEquals(List.of("MAML080@5", "MAML032@7"), findings(text));
    }

    @Test
    void onlyTheUnusedNameIsRemovedWhenAnotherNameIsUsed() {
        String text = HEAD + "SHOUT <!-- maml-lint-disable-line MAML012, section-unknown MAML033 -->\n";
        LintResult result = lint(text, LintSettings.DEFAULTS);
        List<Diagnostic> unused = result.diagnostics();
        assertEquals(List.of("MAML012", "MAML033"), unused.stream().map(d -> d.message().replaceAll(".* for (\\w+) .*", "$1")).toList());
        assertTrue(unused.stream().allMatch(d -> d.rule() == RuleId.MAML080 && d.severity() == Severity.WARNING && d.fix().safe()));
        assertEquals(HEAD + "SHOUT <!-- maml-lint-disable-line section-unknown -->\n", fixed(text));
    }

    @Test
    void anUnusedDirectiveWithoutNamesGoesWithItsLine() {
        String text = HEAD + "ok\n<!-- maml-lint-disable-next-line -->\nfine\n";
        assertEquals(List.of("MAML080@6"), findings(text));
        assertEquals(HEAD + "ok\nfine\n", fixed(text));
        assertEquals(HEAD + "ok\n", fixed(HEAD + "ok <!-- maml-lint-disable-line -->\n"), "the comment and the blanks before it");
    }

    @Test
    void aNextLineDirectiveAimedAtALineWithoutFindingsIsUnused() {
        String text = HEAD + "<!-- maml-lint-disable-next-line MAML033 -->\n<!-- maml-lint-disable-next-line MAML032 -->\nSHOUT\n";
        assertEquals(List.of("MAML080@5"), findings(text));
        assertEquals(HEAD + "<!-- maml-lint-disable-next-line MAML032 -->\nSHOUT\n", fixed(text));
    }

    @Test
    void aLineThatANextLineDirectiveAimsAtIsEmptiedNotDeleted() {
        // line 5 suppresses the SHOUT written inside line 6's comment; deleting line 6 in the same pass
        // would aim line 5 at line 7, so the first pass only empties it
        String text = HEAD + "<!-- maml-lint-disable-next-line MAML032 -->\n<!-- maml-lint-disable-line MAML033 SHOUT -->\nok\n";
        assertEquals(List.of("MAML080@6", "MAML081@6"), findings(text));
        assertEquals(HEAD + "\nok\n", fixed(text), "line 5 went in the next pass, once it suppressed nothing");
    }

    @Test
    void aDirectiveForARuleThatIsOffSaysSo() {
        String text = HEAD + "SHOUT <!-- maml-lint-disable-line MAML032 -->\n";
        LintSettings off = new LintSettings(Map.of(RuleId.MAML032, new RuleSetting(false, null, Map.of())), null);
        List<Diagnostic> found = lint(text, off).diagnostics();
        assertEquals(1, found.size());
        assertTrue(found.get(0).message().contains("MAML032 is turned off"), found.get(0).message());
    }

    @Test
    void directiveFindingsCannotBeSuppressedInline() {
        String text = HEAD + "<!-- maml-lint-disable-file MAML080 directive-unknown-rule -->\n<!-- maml-lint-disable-line NOPE -->\nok\n";
        assertEquals(List.of("MAML080@5", "MAML080@5", "MAML081@6"), findings(text),
                "a directive that names no known rule is MAML081's alone");
        assertTrue(lint(text, LintSettings.DEFAULTS).diagnostics().get(0).message().contains("cannot be suppressed inline"));
    }

    @Test
    void theConfigurationTurnsThemOffOrChangesTheirSeverity() {
        String text = HEAD + "<!-- maml-lint-disable-line MAML033 NOPE -->\nok\n";
        LintSettings quiet = new LintSettings(Map.of(RuleId.MAML080, new RuleSetting(false, null, Map.of()),
                RuleId.MAML081, new RuleSetting(true, Severity.ERROR, Map.of())), null);
        List<Diagnostic> found = lint(text, quiet).diagnostics();
        assertEquals(List.of(RuleId.MAML081), found.stream().map(Diagnostic::rule).toList());
        assertEquals(Severity.ERROR, found.get(0).severity());
    }

    @Test
    void unknownNamesAreRemovedAndADirectiveWithOnlyUnknownNamesGoesWhole() {
        String text = HEAD + "SHOUT <!-- maml-lint-disable-line MAML32, MAML032 -->\n<!-- maml-lint-enable NOPE -->\nok\n";
        assertEquals(List.of("MAML081@5", "MAML081@6"), findings(text));
        assertTrue(lint(text, LintSettings.DEFAULTS).diagnostics().get(1).message()
                .startsWith("'NOPE' in maml-lint-enable is not a rule id or alias, so it enables nothing"));
        assertEquals(HEAD + "SHOUT <!-- maml-lint-disable-line MAML032 -->\nok\n", fixed(text));
    }

    @Test
    void frontMatterDirectives() {
        String text = "---\n# maml-lint-disable-next-line MAML012 NOPE\nid: \"" + TestRules.GOOD_ID + "\"\n---\n## Intent\nok\n";
        assertEquals(List.of("MAML080@2", "MAML081@2"), findings(text));
        assertEquals("---\nid: \"" + TestRules.GOOD_ID + "\"\n---\n## Intent\nok\n", fixed(text));
    }

    @Test
    void usedDirectivesAreNotReported() {
        String text = "---\n# maml-lint-disable-next-line id-urn-uuid\nid: bad\n---\n## Intent\n"
                + "<!-- maml-lint-disable section-unknown -->\nSHOUT\n<!-- maml-lint-enable section-unknown -->\n"
                + "SHOUT <!-- maml-lint-disable-line MAML032 -->\n<!-- maml-lint-disable-next-line -->\nSHOUT\n"
                + "## Empty\n## Last\n<!-- maml-lint-disable-file MAML033 -->\n";
        assertEquals(List.of(), findings(text));
    }
}
