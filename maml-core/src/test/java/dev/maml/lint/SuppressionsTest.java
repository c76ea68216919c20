package dev.maml.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.parse.DocumentParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inline disables through the real engine; TestRules report MAML032 on each "SHOUT", MAML012 on a bad id. */
class SuppressionsTest {

    static List<String> findings(String text) {
        LintResult result = TestRules.engine().lint(DocumentParser.parse(text), LintSettings.DEFAULTS);
        return result.diagnostics().stream().map(d -> d.rule().id() + "@" + line(result, d)).toList();
    }

    static int line(LintResult result, Diagnostic d) {
        return result.document().lines().displayLine(d.range().start());
    }

    static final String HEAD = "---\nid: \"" + TestRules.GOOD_ID + "\"\n---\n## Intent\n";

    @Test
    void withoutCommentsEverythingIsReported() {
        assertEquals(List.of("MAML032@5", "MAML032@6"), findings(HEAD + "SHOUT\nSHOUT\n"));
    }

    @Test
    void disableAndEnableSwitchFromTheirLineOn() {
        String text = HEAD + "SHOUT\n<!-- maml-lint-disable MAML032 -->\nSHOUT\nSHOUT <!-- maml-lint-enable section-unknown -->\nSHOUT\n";
        assertEquals(List.of("MAML032@5", "MAML032@8", "MAML032@9"), findings(text));
    }

    @Test
    void disableWithoutIdsMeansEveryRuleAndEnableOneBringsOnlyThatBack() {
        String text = HEAD + "<!-- maml-lint-disable -->\nSHOUT\n<!-- maml-lint-enable MAML032 -->\nSHOUT\n";
        assertEquals(List.of("MAML032@8"), findings(text));
    }

    @Test
    void lineAndNextLine() {
        String text = HEAD + "SHOUT <!-- maml-lint-disable-line MAML032 -->\n<!-- maml-lint-disable-next-line maml032 -->\nSHOUT\nSHOUT\n";
        assertEquals(List.of("MAML032@8"), findings(text));
    }

    @Test
    void otherIdsAreNotAffected() {
        String text = HEAD + "<!-- maml-lint-disable-next-line MAML012 id-urn-uuid -->\nSHOUT\n";
        assertEquals(List.of("MAML080@5", "MAML080@5", "MAML032@6"), findings(text), "both names suppress nothing");
    }

    @Test
    void fileWideFromAnywhere() {
        String text = "---\nid: bad\n---\n## Intent\nSHOUT\nSHOUT\n<!-- maml-lint-disable-file section-unknown -->\n";
        assertEquals(List.of("MAML012@2"), findings(text));
    }

    @Test
    void frontMatterCommentDisablesTheNextLine() {
        String text = "---\nmaml_version: \"2.0.0\"\n  # maml-lint-disable-next-line MAML012\nid: bad\n---\n## Intent\nSHOUT\n";
        assertEquals(List.of("MAML032@7"), findings(text));
        // "Next line" is literal, as in markdownlint: a blank line in between takes the disable.
        assertEquals(List.of("MAML080@2", "MAML012@4", "MAML032@7"),
                findings("---\n# maml-lint-disable-next-line MAML012\n\nid: bad\n---\n## Intent\nSHOUT\n"));
    }

    @Test
    void commentsInCodeFencesAreCode() {
        String text = HEAD + "```md\n<!-- maml-lint-disable -->\n```\nSHOUT\n";
        assertEquals(List.of("MAML032@8"), findings(text));
    }

    @Test
    void unknownIdsAndMalformedCommentsChangeNothing() {
        String text = HEAD + "<!-- maml-lint-disable NOPE999 -->\nSHOUT\n<!-- maml-lint-disablefoo -->\nSHOUT\n";
        assertEquals(List.of("MAML081@5", "MAML032@6", "MAML032@8"), findings(text), "the unknown id is reported, nothing else changes");
    }

    @Test
    void parserFindingsAreSuppressibleToo() {
        String text = "---   \nid: \"" + TestRules.GOOD_ID + "\"\n---\n## Intent\nok\n";
        assertEquals(List.of("MAML091@1"), findings(text));
        assertEquals(List.of(), findings(text + "<!-- maml-lint-disable-file delimiter-trailing-space -->\n"));
    }
}
