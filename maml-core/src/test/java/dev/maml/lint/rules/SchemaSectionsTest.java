package dev.maml.lint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.lint.LintEngine;
import dev.maml.lint.LintSettings;
import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.schema.MetaSchemaCheck;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Exact positions and messages of the schema-section findings, which fixtures only check by line. */
class SchemaSectionsTest {

    private static final String HEAD = "---\nmaml_version: \"2.0.0\"\n---\n## Intent\nx\n\n## Context\nk: v\n\n";

    private static List<Diagnostic> lint(MamlDocument doc, RuleId rule) {
        return LintEngine.standard().lint(doc, LintSettings.DEFAULTS).diagnostics().stream()
                .filter(d -> d.rule() == rule).toList();
    }

    @Test
    void jsonSyntaxErrorIsReportedOnTheExactCharacterOfTheDocument() {
        // the emoji is two UTF-16 units but one code point: the CLI column counts it once
        MamlDocument doc = DocumentParser.parse(HEAD + "## Input_Schema\n{\n  \"title\": \"\uD83D\uDE00\", \"a\": 1 \"b\": 2\n}\n");
        Diagnostic d = lint(doc, RuleId.MAML050).get(0);
        assertEquals("\"", doc.text(d.range()));
        assertEquals(12, doc.lines().displayLine(d.range().start()));
        assertEquals(24, doc.lines().displayColumn(d.range().start()));
        assertEquals(24, doc.lines().position(d.range().start()).character()); // LSP: 0-based UTF-16 units
        assertEquals("Input_Schema is not valid JSON: Unexpected character ('\"' (code 34)): was expecting comma to"
                + " separate Object entries", d.message());
    }

    @Test
    void lintDirectivesAroundABareSchemaAreCommentsNotContent() {
        String schema = "{\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"integer\"}}}";
        MamlDocument doc = DocumentParser.parse(HEAD + "## Output_Schema\n<!-- maml-lint-disable-next-line MAML051 -->\n"
                + schema + "\n<!-- maml-lint-disable MAML042 -->\n<!-- a note\n  for editors -->\n\n## History\n");
        assertEquals(List.of(), lint(doc, RuleId.MAML050));
        assertEquals(List.of(), lint(doc, RuleId.MAML052));
        assertEquals(schema, doc.schemas().get(0).json(), "the block is the JSON alone, for the run as for the rules");
        // text that is not a comment still goes on after the object
        MamlDocument prose = DocumentParser.parse(HEAD + "## Output_Schema\n" + schema + "\n<!-- x --> and prose\n");
        assertEquals(1, lint(prose, RuleId.MAML052).size());
    }

    @Test
    void aDirectiveAfterAFencedOrBareSchemaIsNoSecondSchema() {
        // issue 14: a disable comment placed after an Output_Schema's JSON must not itself raise MAML052
        String schema = "{\"type\": \"object\"}";
        for (String body : List.of(
                "```json\n" + schema + "\n```\n<!-- maml-lint-disable-next-line MAML033 -->\n",
                "```json\n" + schema + "\n```\n\n<!-- maml-lint-disable MAML042 -->\n<!-- maml-lint-enable MAML042 -->\n",
                schema + " <!-- maml-lint-disable-line MAML051 -->\n",
                schema + "\n<!-- maml-lint-disable-file MAML034 -->")) {
            MamlDocument doc = DocumentParser.parse(HEAD + "## Output_Schema\n" + body + "\n## History\n");
            assertEquals(List.of(), lint(doc, RuleId.MAML052), body);
            assertEquals(List.of(), lint(doc, RuleId.MAML050), body);
            assertEquals(1, doc.schemas().size(), body);
        }
    }

    @Test
    void badLiteralInAFenceIsReportedWhole() {
        MamlDocument doc = DocumentParser.parse(HEAD + "## Output_Schema\n```json\n{\"type\": \"object\", \"x\": nul}\n```\n");
        Diagnostic d = lint(doc, RuleId.MAML050).get(0);
        assertEquals("nul", doc.text(d.range()));
        assertEquals(12, doc.lines().displayLine(d.range().start()));
        assertEquals(25, doc.lines().displayColumn(d.range().start()));
    }

    @Test
    void unexpectedEndIsReportedWhereTheJsonStops() {
        MamlDocument doc = DocumentParser.parse(HEAD + "## Input_Schema\n{\"type\": \"object\"\n");
        Diagnostic d = lint(doc, RuleId.MAML050).get(0);
        assertEquals(0, d.range().length());
        assertEquals(HEAD.length() + "## Input_Schema\n{\"type\": \"object\"".length(), d.range().start());
        assertTrue(d.message().startsWith("Input_Schema is not valid JSON: Unexpected end-of-input"), d.message());
        assertTrue(!d.message().contains("[Source"), d.message());
    }

    @Test
    void metaSchemaViolationPointsAtTheOffendingValueAndNamesThePointer() {
        MamlDocument doc = DocumentParser.parse(HEAD
                + "## Input_Schema\n{\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"integer\", \"minimum\": \"one\"}}}\n");
        List<Diagnostic> found = lint(doc, RuleId.MAML051);
        assertEquals(1, found.size(), found.toString());
        Diagnostic d = found.get(0);
        assertEquals("\"one\"", doc.text(d.range()));
        assertEquals("Input_Schema is not a valid JSON Schema (draft 2020-12): /properties/n/minimum string found,"
                + " number expected", d.message());
    }

    @Test
    void alternativesOfOneKeywordAreJoinedIntoOneFinding() {
        MamlDocument doc = DocumentParser.parse(HEAD + "## Input_Schema\n{\"type\": \"objekt\"}\n");
        List<Diagnostic> found = lint(doc, RuleId.MAML051);
        assertEquals(1, found.size(), found.toString());
        assertEquals("\"objekt\"", doc.text(found.get(0).range()));
        assertTrue(found.get(0).message().contains("enumeration") && found.get(0).message().contains("; "),
                found.get(0).message());
    }

    @Test
    void theDeclaredDialectDecidesWhatIsValid() {
        // draft-04 wrote exclusiveMinimum as a boolean; draft 2020-12 requires a number
        String schema = "{\"type\": \"number\", \"minimum\": 0, \"exclusiveMinimum\": true%s}\n";
        MamlDocument draft4 = DocumentParser.parse(HEAD + "## Input_Schema\n"
                + schema.formatted(", \"$schema\": \"http://json-schema.org/draft-04/schema#\""));
        MamlDocument draft2020 = DocumentParser.parse(HEAD + "## Input_Schema\n" + schema.formatted(""));
        assertEquals(List.of(), lint(draft4, RuleId.MAML051));
        Diagnostic d = lint(draft2020, RuleId.MAML051).get(0);
        assertEquals("true", draft2020.text(d.range()));
    }

    @Test
    void unknownDialectIsReportedOnTheSchemaValue() {
        MamlDocument doc = DocumentParser.parse(HEAD + "## Input_Schema\n{\"$schema\": \"https://example.com/s\", \"type\": 5}\n");
        List<Diagnostic> found = lint(doc, RuleId.MAML051);
        assertEquals(1, found.size(), found.toString());
        assertEquals("\"https://example.com/s\"", doc.text(found.get(0).range()));
        assertTrue(found.get(0).message().contains("https://json-schema.org/draft/2020-12/schema"), found.get(0).message());
    }

    @Test
    void nestedSchemaIsCheckedUpToTheDepthLimit() {
        int levels = MetaSchemaCheck.MAX_DEPTH / 2; // each level is two objects: the schema and "properties"
        String schema = "{\"properties\": {\"a\": ".repeat(levels - 1) + "{\"type\": 1}" + "}}".repeat(levels - 1);
        MamlDocument doc = DocumentParser.parse(HEAD + "## Input_Schema\n" + schema + "\n");
        List<Diagnostic> found = lint(doc, RuleId.MAML051);
        assertEquals(1, found.size(), found.toString());
        assertEquals("1", doc.text(found.get(0).range()));
        assertEquals(Severity.ERROR, found.get(0).severity());
    }

    @Test
    void aSchemaAtTheDepthLimitIsCheckedOnASmallThreadStack() throws InterruptedException {
        int levels = MetaSchemaCheck.MAX_DEPTH / 2;
        String schema = "{\"properties\": {\"a\": ".repeat(levels - 1) + "{\"type\": 1}" + "}}".repeat(levels - 1);
        MamlDocument doc = DocumentParser.parse(HEAD + "## Input_Schema\n" + schema + "\n");
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                outcome.set(lint(doc, RuleId.MAML051).size());
            } catch (StackOverflowError e) {
                outcome.set(e);
            }
        }, "512k-stack", 512 * 1024);
        small.start();
        small.join();
        assertEquals(1, outcome.get());
    }

    @Test
    void schemaNestedBeyondTheLimitIsReportedNotChecked() {
        String schema = "{\"properties\": {\"a\": ".repeat(200) + "{\"type\": 1}" + "}}".repeat(200);
        MamlDocument doc = DocumentParser.parse(HEAD + "## Input_Schema\n" + schema + "\n");
        List<Diagnostic> found = lint(doc, RuleId.MAML051);
        assertEquals(1, found.size(), found.toString());
        assertEquals(Severity.WARNING, found.get(0).severity());
        assertEquals("Input_Schema is nested 401 levels deep; schemas deeper than 64 levels are not checked",
                found.get(0).message());
    }

    @Test
    void jsonNestedBeyondJacksonsLimitIsASyntaxFinding() {
        String schema = "{\"a\": ".repeat(5000) + "1" + "}".repeat(5000);
        MamlDocument doc = DocumentParser.parse(HEAD + "## Input_Schema\n" + schema + "\n");
        List<Diagnostic> found = lint(doc, RuleId.MAML050);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).message().contains("nesting depth"), found.get(0).message());
    }
}
