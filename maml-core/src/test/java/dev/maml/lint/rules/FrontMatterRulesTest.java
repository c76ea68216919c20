package dev.maml.lint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.lint.LintEngine;
import dev.maml.lint.LintSettings;
import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What fixtures cannot say: exact columns, messages, severities per case, and where fixes insert. */
class FrontMatterRulesTest {

    private static final String REST = """
            type: workflow
            origin: "agent://research-agent"
            permissions:
              execute: ["gateway://local"]
            created_at: 2026-11-25T12:00:00Z
            """;
    private static final String ID = "id: \"urn:uuid:3b241101-e2bb-4255-8caf-4136c566a962\"\n";
    private static final String BODY = "---\n## Intent\nx\n";

    private static MamlDocument parse(String text) {
        return DocumentParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Diagnostic> lint(MamlDocument doc, RuleId rule) {
        return FixedFixturesTest.engine().lint(doc, LintSettings.DEFAULTS).diagnostics().stream()
                .filter(d -> d.rule() == rule).toList();
    }

    private static Diagnostic only(MamlDocument doc, RuleId rule) {
        List<Diagnostic> found = lint(doc, rule);
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    private static String where(MamlDocument doc, Diagnostic d) {
        return doc.lines().displayLine(d.range().start()) + ":" + doc.lines().displayColumn(d.range().start()) + "-"
                + doc.lines().displayColumn(d.range().end());
    }

    @Test
    void canonicalExampleHasExactlyItsBadIdAmongTheFrontMatterFindings() throws IOException {
        MamlDocument doc = DocumentParser.parse(Files.readAllBytes(TestData.example()));
        List<Diagnostic> found = LintEngine.standard().lint(doc, LintSettings.DEFAULTS).diagnostics().stream()
                .filter(d -> FrontMatterRules.all().stream().anyMatch(r -> r.ids().contains(d.rule()))).toList();
        assertEquals(1, found.size(), found.toString());
        Diagnostic id = found.get(0);
        assertEquals(RuleId.MAML012, id.rule());
        assertEquals("3:5-51", where(doc, id));
        assertEquals("id \"urn:uuid:5c4d3e2f-1g0h-9i8j-7k6l-5m4n3o2p1q0\" is not urn:uuid:<RFC 4122 UUID> "
                + "(a UUID has hex digits 0-9 and a-f only, in groups of 8-4-4-4-12)", id.message());
        assertNotNull(id.fix());
    }

    @Test
    void idMessageNamesTheValueAndTheFixKeepsThePlainStyle() {
        MamlDocument doc = parse("---\nmaml_version: \"2.0.0\"\nid: drone-comm-001   # legacy\n" + REST + BODY);
        Diagnostic d = only(doc, RuleId.MAML012);
        assertEquals("id \"drone-comm-001\" is not urn:uuid:<RFC 4122 UUID>", d.message());
        assertEquals("3:5-19", where(doc, d));
        String fixed = TestFixes.apply(doc.text(), List.of(d));
        assertTrue(fixed.startsWith("---\nmaml_version: \"2.0.0\"\nid: urn:uuid:" + FixedFixturesTest.NEW_UUID
                + "   # legacy\ntype: workflow\n"), fixed);
    }

    @Test
    void blockScalarIdIsReplacedWithoutSwallowingTheNextKey() {
        MamlDocument doc = parse("---\nmaml_version: \"2.0.0\"\nid: |\n  not-a-uuid\n" + REST + BODY);
        String fixed = TestFixes.apply(doc.text(), lint(doc, RuleId.MAML012));
        assertTrue(fixed.contains("id: \"urn:uuid:" + FixedFixturesTest.NEW_UUID + "\"\ntype: workflow\n"), fixed);
        assertEquals(List.of(), lint(parse(fixed), RuleId.MAML012));
    }

    @Test
    void mamlVersionSeverityDependsOnTheCase() {
        assertEquals(Severity.HINT, only(parse("---\nmaml_version: 2.0.0\n" + ID + REST + BODY), RuleId.MAML011).severity());
        assertEquals(Severity.WARNING, only(parse("---\nmaml_version: \"0.1.0\"\n" + ID + REST + BODY), RuleId.MAML011)
                .severity());
        Diagnostic unknown = only(parse("---\nmaml_version: latest\n" + ID + REST + BODY), RuleId.MAML011);
        assertEquals(Severity.ERROR, unknown.severity());
        assertEquals("maml_version \"latest\" is not a version this tool knows; expected \"2.0.0\"", unknown.message());
        assertNull(unknown.fix());
    }

    @Test
    void createdAtSeverityDependsOnTheCase() {
        String head = "---\nmaml_version: \"2.0.0\"\n" + ID + "type: workflow\norigin: agent://a\npermissions: {}\n";
        Diagnostic dateOnly = only(parse(head + "created_at: 2025-10-24\n" + BODY), RuleId.MAML016);
        assertEquals(Severity.WARNING, dateOnly.severity());
        assertEquals("created_at \"2025-10-24\" is a date without a time; expected e.g. 2025-10-24T00:00:00Z",
                dateOnly.message());
        assertEquals(Severity.ERROR, only(parse(head + "created_at: 2025-13-01T00:00:00Z\n" + BODY), RuleId.MAML016)
                .severity());
        assertEquals(Severity.ERROR, only(parse(head + "created_at: 20251024\n" + BODY), RuleId.MAML016).severity());
        assertEquals(List.of(), lint(parse(head + "created_at: 2025-10-24T12:40:00+0530\n" + BODY), RuleId.MAML016));
    }

    @Test
    void schemaFindingNamesThePointerAndSitsOnTheNode() {
        MamlDocument doc = parse("---\nmaml_version: \"2.0.0\"\n" + ID + REST
                + "verification:\n  method: rsa\n  key_id: \"3F9C\"\n" + BODY);
        List<Diagnostic> found = lint(doc, RuleId.MAML018);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).message().startsWith("front matter /verification/method \"rsa\": "), found.get(0).message());
        assertEquals("10:11-14", where(doc, found.get(0)));
        assertTrue(found.get(1).message().startsWith("front matter /verification/key_id \"3F9C\": "), found.get(1).message());
        assertEquals("11:11-17", where(doc, found.get(1)));
    }

    @Test
    void missingKeyIsInsertedWithTheDocumentsIndentationAndLineBreaks() {
        String text = "---\r\n  maml_version: \"2.0.0\"\r\n  type: workflow\r\n  origin: agent://a\r\n"
                + "  permissions: {execute: [agent://a]}\r\n  created_at: 2026-11-25T12:00:00Z\r\n---\r\n## Intent\r\nx\r\n";
        MamlDocument doc = parse(text);
        Diagnostic d = only(doc, RuleId.MAML010);
        assertEquals("required key 'id' is missing", d.message());
        assertEquals("1:1-4", where(doc, d));
        String fixed = TestFixes.apply(text, List.of(d));
        assertTrue(fixed.contains("2026-11-25T12:00:00Z\r\n  id: \"urn:uuid:" + FixedFixturesTest.NEW_UUID + "\"\r\n---\r\n"),
                fixed);
        assertEquals(List.of(), lint(parse(fixed), RuleId.MAML010));
    }

    @Test
    void noInsertionWhereTheYamlWouldBreak() {
        MamlDocument flow = parse("---\n{maml_version: \"2.0.0\"}\n---\n## Intent\nx\n");
        assertEquals(5, lint(flow, RuleId.MAML010).size());
        assertTrue(lint(flow, RuleId.MAML010).stream().allMatch(d -> d.fix() == null));
        MamlDocument unclosed = parse("---\nmaml_version: \"2.0.0\"\n## Intent\nx\n");
        assertTrue(lint(unclosed, RuleId.MAML010).stream().allMatch(d -> d.fix() == null));
    }

    @Test
    void securityClaimWithoutSignatureIsAWarningOnTheClaim() {
        MamlDocument doc = parse("---\nmaml_version: \"2.0.0\"\n" + ID + REST + "quantum_security_flag: true\n" + BODY);
        Diagnostic d = only(doc, RuleId.MAML010);
        assertEquals(Severity.WARNING, d.severity());
        assertEquals("'verification' is missing although quantum_security_flag is true; sign the document with "
                + "'maml sign' to add it", d.message());
        assertEquals("9:24-28", where(doc, d));
        assertNull(d.fix());
    }

    @Test
    void rulesStayQuietWhenTheFrontMatterIsNotAMapping() {
        MamlDocument doc = parse("---\n- a\n- b\n---\n## Intent\nx\n");
        List<Diagnostic> found = FixedFixturesTest.engine().lint(doc, LintSettings.DEFAULTS).diagnostics();
        assertTrue(found.stream().anyMatch(d -> d.rule() == RuleId.MAML004), found.toString());
        assertTrue(found.stream().noneMatch(d -> d.rule().compareTo(RuleId.MAML010) >= 0
                && d.rule().compareTo(RuleId.MAML020) <= 0), found.toString());
    }

    @Test
    void permissionMessagesSayWhatIsWrongWhere() {
        MamlDocument doc = parse("---\nmaml_version: \"2.0.0\"\n" + ID + "type: workflow\norigin: agent://a\n"
                + "permissions:\n  read: public\n  execute: [agent://a, 7]\ncreated_at: 2026-11-25T12:00:00Z\n" + BODY);
        List<Diagnostic> found = lint(doc, RuleId.MAML015);
        assertEquals(List.of("permissions.read \"public\" is a single value; expected a list of identities such as "
                + "[\"agent://NAME\"]", "permissions.execute entry 7 is not agent://NAME, gateway://NAME, agent://* or "
                + "gateway://*"), found.stream().map(Diagnostic::message).toList());
        assertEquals("8:24-25", where(doc, found.get(1)));
    }

    @Test
    void onlyFixableRulesOfferFixes() {
        MamlDocument doc = parse("---\nmaml_version: 1.0.0\nid: x\ntype: foo\norigin: bar\npermissions: {read: nope}\n"
                + "created_at: 2020-01-01\nencryption: AES-1024\nverification: {method: rsa}\nauthr: me\n" + BODY);
        List<Diagnostic> found = FixedFixturesTest.engine().lint(doc, LintSettings.DEFAULTS).diagnostics();
        assertTrue(found.size() >= 9, found.toString());
        for (Diagnostic d : found) {
            if (!d.rule().fixable()) {
                assertNull(d.fix(), d.toString());
            }
        }
    }

    @Test
    void didYouMeanNeedsACloseMatchForShortKeys() {
        assertEquals(java.util.Optional.of("maml_version"), UnknownKeyRule.suggestion("maml_verison"));
        assertEquals(java.util.Optional.of("id"), UnknownKeyRule.suggestion("ID"));
        assertEquals(java.util.Optional.of("origin"), UnknownKeyRule.suggestion("orgin"));
        assertEquals(java.util.Optional.empty(), UnknownKeyRule.suggestion("sdk"));
        assertEquals(java.util.Optional.empty(), UnknownKeyRule.suggestion("tags"));
    }

    @Test
    void fixesKeepAnAnchorAndGiveAnEmptyValueItsSpace() {
        MamlDocument anchored = parse("---\nmaml_version: \"2.0.0\"\nid: &doc drone-001\n" + REST + BODY);
        assertTrue(TestFixes.apply(anchored.text(), lint(anchored, RuleId.MAML012))
                .contains("\nid: &doc urn:uuid:" + FixedFixturesTest.NEW_UUID + "\n"));
        MamlDocument empty = parse("---\nmaml_version:\n" + ID + REST + BODY);
        String fixed = TestFixes.apply(empty.text(), lint(empty, RuleId.MAML011));
        assertTrue(fixed.startsWith("---\nmaml_version: \"2.0.0\"\n"), fixed);
    }

    @Test
    void aWholeMapOrListOrAnEmptyValueIsMarkedOnItsKey() {
        MamlDocument doc = parse("---\nmaml_version: \"2.0.0\"\nid:\n  - a\n  - b\ntype: workflow\norigin: agent://a\n"
                + "permissions:\n  read:\n  execute: [agent://a]\ncreated_at: 2026-11-25T12:00:00Z\n" + BODY);
        assertEquals("3:1-3", where(doc, only(doc, RuleId.MAML012)));
        assertEquals("9:3-7", where(doc, only(doc, RuleId.MAML014)));
    }
}
