package dev.maml.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    static YamlMapping frontMatter(String yaml) {
        MamlDocument doc = DocumentParser.parse("---\n" + yaml + "---\n");
        return doc.frontMatter().mapping().orElseThrow();
    }

    static MamlDocument doc(String yaml) {
        return DocumentParser.parse("---\n" + yaml + "---\n");
    }

    @Test
    void scalarsKeepTheirLexicalFormTypeAndStyle() {
        MamlDocument d = doc("""
                maml_version: 2.0.0
                quoted: "2.0.0"
                created_at: 2025-10-24T12:40:00Z
                version: 1.0
                ratio: 4:1
                flag: true
                count: 0x1F
                nothing: ~
                single: 'it''s'
                """);
        YamlMapping m = d.frontMatter().mapping().orElseThrow();
        YamlScalar version = m.scalar("maml_version").orElseThrow();
        assertEquals(ScalarStyle.PLAIN, version.style());
        assertEquals(ScalarType.STRING, version.type());
        assertEquals(ScalarStyle.DOUBLE_QUOTED, m.scalar("quoted").orElseThrow().style());
        assertEquals("\"2.0.0\"", m.scalar("quoted").orElseThrow().lexical());
        assertEquals("2025-10-24T12:40:00Z", m.scalar("created_at").orElseThrow().lexical());
        assertEquals(ScalarType.STRING, m.scalar("created_at").orElseThrow().type());
        assertEquals(ScalarType.FLOAT, m.scalar("version").orElseThrow().type());
        assertEquals("1.0", m.scalar("version").orElseThrow().lexical());
        assertEquals(ScalarType.STRING, m.scalar("ratio").orElseThrow().type());
        assertEquals("4:1", m.scalar("ratio").orElseThrow().value());
        assertEquals(ScalarType.BOOLEAN, m.scalar("flag").orElseThrow().type());
        assertEquals(ScalarType.INTEGER, m.scalar("count").orElseThrow().type());
        assertEquals(ScalarType.NULL, m.scalar("nothing").orElseThrow().type());
        assertEquals("it's", m.scalar("single").orElseThrow().value());
        assertEquals(ScalarStyle.SINGLE_QUOTED, m.scalar("single").orElseThrow().style());
    }

    @Test
    void rangesPointAtTheSourceTextEvenAfterCharactersOutsideTheBmp() {
        MamlDocument d = doc("title: \"\uD83D\uDE80 rocket \uD83D\uDE80\"\nid: urn:uuid:x\nlist: [a, \"\uD83D\uDE00\", c]\n");
        YamlMapping m = d.frontMatter().mapping().orElseThrow();
        YamlScalar id = m.scalar("id").orElseThrow();
        assertEquals("urn:uuid:x", d.text(id.range()));
        assertEquals("id", d.text(m.entry("id").orElseThrow().key().range()));
        YamlSequence list = (YamlSequence) m.get("list").orElseThrow();
        assertEquals("c", d.text(list.items().get(2).range()));
        assertEquals("\"\uD83D\uDE00\"", d.text(list.items().get(1).range()));
        assertEquals(3, d.lines().displayLine(id.range().start()) - 0);
    }

    @Test
    void duplicateKeysAreReportedAtTheSecondKey() {
        MamlDocument d = doc("id: a\ntype: t\nid: b\n");
        List<Diagnostic> dups = d.diagnostics().stream().filter(x -> x.rule() == RuleId.MAML005).toList();
        assertEquals(1, dups.size());
        assertEquals(4, d.lines().displayLine(dups.get(0).range().start()));
        assertEquals("id", d.text(dups.get(0).range()));
        assertTrue(dups.get(0).message().contains("line 2"), dups.get(0).message());
        assertEquals("a", d.frontMatter().mapping().orElseThrow().scalar("id").orElseThrow().value());
    }

    @Test
    void aliasesShareTheAnchoredNode() {
        YamlMapping m = frontMatter("base: &b {read: [agent://a]}\ncopy: *b\n");
        assertSame(m.get("base").orElseThrow(), m.get("copy").orElseThrow());
    }

    @Test
    void scalarAnchorsAreReadFromTheSourceWithOrWithoutATag() {
        YamlMapping m = frontMatter("id: &a v\nx: *a\nl: [&b 1, *b]\nt: !!str &c 7\nu: *c\n");
        assertEquals("v", ((YamlScalar) m.get("x").orElseThrow()).value());
        YamlSequence l = (YamlSequence) m.get("l").orElseThrow();
        assertSame(l.items().get(0), l.items().get(1));
        assertSame(m.get("t").orElseThrow(), m.get("u").orElseThrow());
    }

    @Test
    void billionLaughsIsRefusedWithoutExpandingIt() {
        StringBuilder y = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            y.append("]\n");
        }
        MamlDocument d = doc(y.toString());
        assertTrue(d.diagnostics().stream().anyMatch(x -> x.rule() == RuleId.MAML006), d.diagnostics().toString());
        assertNull(d.frontMatter().root());
    }

    @Test
    void unknownAliasIsASyntaxError() {
        MamlDocument d = doc("a: *nowhere\n");
        assertTrue(d.diagnostics().stream().anyMatch(x -> x.rule() == RuleId.MAML003
                && x.message().contains("*nowhere")), d.diagnostics().toString());
    }

    @Test
    void deepNestingIsAnErrorNotACrash() {
        MamlDocument d = doc("a: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        assertTrue(d.diagnostics().stream().anyMatch(x -> x.rule() == RuleId.MAML003), d.diagnostics().toString());
    }

    @Test
    void tabsAndOtherYamlErrorsBecomeDiagnostics() {
        MamlDocument d = doc("a:\n\t- b\n");
        assertTrue(d.diagnostics().stream().anyMatch(x -> x.rule() == RuleId.MAML003), d.diagnostics().toString());
    }
}
