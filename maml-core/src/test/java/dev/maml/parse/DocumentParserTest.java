package dev.maml.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.diagnostic.TextEdit;
import dev.maml.model.CodeBlock;
import dev.maml.model.LineEndings;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.model.Section;
import dev.maml.testing.Invariants;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DocumentParserTest {

    static MamlDocument parse(String text) {
        MamlDocument doc = DocumentParser.parse(text);
        Invariants.check(doc);
        return doc;
    }

    static List<RuleId> rules(MamlDocument doc) {
        return doc.diagnostics().stream().map(Diagnostic::rule).toList();
    }

    static Diagnostic only(MamlDocument doc, RuleId rule) {
        List<Diagnostic> found = doc.diagnostics().stream().filter(d -> d.rule() == rule).toList();
        assertEquals(1, found.size(), "expected one " + rule + " in " + doc.diagnostics());
        return found.get(0);
    }

    static String lineOf(MamlDocument doc, Diagnostic d) {
        return doc.lines().displayLine(d.range().start()) + ":" + doc.lines().displayColumn(d.range().start());
    }

    @Test
    void theExampleHasItsSixSectionsTwoPythonBlocksAndTwoHistoryEntries() throws IOException {
        MamlDocument doc = DocumentParser.read(TestData.example());
        Invariants.check(doc);
        assertEquals(List.of("Intent", "Context", "Code_Blocks", "Input_Schema", "Output_Schema", "History"),
                doc.sections().stream().map(Section::name).toList());
        assertEquals(List.of("python", "python"), doc.codeBlocks().stream().map(CodeBlock::language).toList());
        assertEquals(2, doc.history().size());
        assertEquals("CREATE", doc.history().get(0).verb());
        assertEquals("2025-10-24T12:42:00Z", doc.history().get(1).timestamp());
        assertEquals(List.of("dataset", "database", "qkd_key_length"),
                doc.context().stream().map(c -> c.key()).toList());
        assertEquals(2, doc.schemas().size());
        assertTrue(doc.diagnostics().isEmpty(), doc.diagnostics().toString());
    }

    @Nested
    class FrontMatterBlock {

        @Test
        void closedFrontMatterIsReadAsAMapping() {
            MamlDocument doc = parse("---\nid: x\ntype: workflow\n---\n## Intent\nDo.\n");
            assertTrue(doc.frontMatter().closed());
            assertEquals("id: x\ntype: workflow\n", doc.frontMatter().yaml());
            assertEquals(List.of("id", "type"), doc.frontMatter().mapping().orElseThrow().entries().stream()
                    .map(e -> e.key().value()).toList());
            assertTrue(doc.diagnostics().isEmpty(), doc.diagnostics().toString());
        }

        @Test
        void missingFrontMatterIsAnErrorButTheBodyIsStillParsed() {
            MamlDocument doc = parse("# Title\n## Intent\nDo.\n");
            assertNull(doc.frontMatter());
            assertEquals("1:1", lineOf(doc, only(doc, RuleId.MAML001)));
            assertEquals("Title", doc.preamble().title());
            assertEquals("Intent", doc.sections().get(0).name());
        }

        @Test
        void missingFrontMatterFixInsertsASkeletonThatParsesCleanly() {
            MamlDocument doc = parse("## Intent\r\nDo.\r\n");
            Diagnostic d = only(doc, RuleId.MAML001);
            TextEdit edit = d.fix().edits().get(0);
            assertEquals(Range.empty(0), edit.range());
            MamlDocument fixed = parse(edit.newText() + doc.text());
            assertTrue(fixed.diagnostics().isEmpty(), fixed.diagnostics().toString());
            assertEquals(LineEndings.CRLF, fixed.lineEndings());
            assertEquals(List.of("maml_version", "id", "type", "origin", "permissions", "created_at"),
                    fixed.frontMatter().mapping().orElseThrow().entries().stream().map(e -> e.key().value()).toList());
        }

        @Test
        void delimiterOnlyCountsOnLineOne() {
            MamlDocument doc = parse("\n---\nid: x\n---\n");
            assertNull(doc.frontMatter());
            only(doc, RuleId.MAML001);
        }

        @Test
        void unclosedFrontMatterIsReadUpToTheFirstLevelTwoHeading() {
            MamlDocument doc = parse("---\nid: x\n# a YAML comment\n## Intent\nDo.\n");
            assertFalse(doc.frontMatter().closed());
            assertEquals("id: x\n# a YAML comment\n", doc.frontMatter().yaml());
            Diagnostic d = only(doc, RuleId.MAML002);
            assertEquals("1:1", lineOf(doc, d));
            assertTrue(d.message().contains("line 4"), d.message());
            assertEquals("Intent", doc.sections().get(0).name());
        }

        @Test
        void closedFrontMatterKeepsHashHashLinesAsYamlComments() {
            MamlDocument doc = parse("---\nid: x\n## comment\n---\n## Intent\n");
            assertEquals(List.of("Intent"), doc.sections().stream().map(Section::name).toList());
            assertTrue(doc.diagnostics().isEmpty(), doc.diagnostics().toString());
        }

        @Test
        void unclosedFrontMatterWithoutHeadingRunsToTheEnd() {
            MamlDocument doc = parse("---\nid: x\n");
            only(doc, RuleId.MAML002);
            assertEquals("id: x\n", doc.frontMatter().yaml());
            assertTrue(doc.sections().isEmpty());
        }

        @Test
        void onlyTheDelimiter() {
            MamlDocument doc = parse("---");
            only(doc, RuleId.MAML002);
            assertEquals("", doc.frontMatter().yaml());
        }

        @Test
        void trailingWhitespaceOnDelimitersIsAHint() {
            MamlDocument doc = parse("--- \t\nid: x\n---  \n");
            List<Diagnostic> hints = doc.diagnostics().stream().filter(d -> d.rule() == RuleId.MAML091).toList();
            assertEquals(2, hints.size());
            assertEquals(Severity.HINT, hints.get(0).severity());
            assertEquals(" \t", doc.text(hints.get(0).range()));
            assertEquals("  ", doc.text(hints.get(1).range()));
            TextEdit trim = hints.get(1).fix().edits().get(0);
            assertEquals(hints.get(1).range(), trim.range());
            assertEquals("", trim.newText());
        }

        @Test
        void byteOrderMarkIsToleratedWithAWarning() {
            MamlDocument doc = parse("\uFEFF---\nid: x\n---\n## Intent\n");
            assertTrue(doc.bom());
            assertNotNull(doc.frontMatter());
            assertEquals(Severity.WARNING, only(doc, RuleId.MAML090).severity());
            assertEquals("Intent", doc.sections().get(0).name());
        }

        @Test
        void scalarFrontMatterIsNotAMapping() {
            MamlDocument doc = parse("---\njust text\n---\n");
            assertEquals("2:1", lineOf(doc, only(doc, RuleId.MAML004)));
        }

        @Test
        void emptyFrontMatterIsAnEmptyMapping() {
            MamlDocument doc = parse("---\n---\n## Intent\n");
            assertTrue(doc.frontMatter().mapping().orElseThrow().entries().isEmpty());
            assertTrue(doc.diagnostics().isEmpty(), doc.diagnostics().toString());
        }

        @Test
        void yamlSyntaxErrorsAreReportedAtTheirLine() {
            MamlDocument doc = parse("---\nid: x\nbad: [1, 2\ntype: y\n---\n");
            Diagnostic d = only(doc, RuleId.MAML003);
            assertTrue(doc.lines().displayLine(d.range().start()) >= 3, lineOf(doc, d));
            assertNull(doc.frontMatter().root());
        }
    }

    @Nested
    class Sections {

        @Test
        void levelTwoHeadingsInsideFencesAreCode() {
            MamlDocument doc = parse("---\n---\n## Intent\n```md\n## Not a section\n```\n## Context\n");
            assertEquals(List.of("Intent", "Context"), doc.sections().stream().map(Section::name).toList());
            assertEquals("## Not a section\n", doc.text(doc.codeBlocks().get(0).content()));
        }

        @Test
        void otherLevelsAndSetextHeadingsAreNotSections() {
            MamlDocument doc = parse("---\n---\n# Title\n### Intent\nContext\n-------\n#NoSpace\n    ## indented code\n");
            assertTrue(doc.sections().isEmpty());
            assertEquals(List.of(1, 3), doc.headings().stream().map(h -> h.level()).toList());
        }

        @Test
        void headingsInListItemsAndBlockQuotesAreTheirsNotSections() {
            MamlDocument doc = parse("---\n---\n## Intent\n- step\n\n  ## Not a section\n> ## Quoted\n## Context\n");
            assertEquals(List.of("Intent", "Context"), doc.sections().stream().map(Section::name).toList());
            assertEquals(List.of("Intent", "Context"), doc.headings().stream().map(h -> h.text()).toList());
        }

        @Test
        void headingTextDropsClosingHashesAndIndentation() {
            MamlDocument doc = parse("---\n---\n   ## Code_Blocks ##  \n##\tTabbed\n##\n");
            assertEquals(List.of("Code_Blocks", "Tabbed", ""), doc.sections().stream().map(Section::name).toList());
            Section first = doc.sections().get(0);
            assertEquals("Code_Blocks", doc.text(first.nameRange()));
        }

        @Test
        void sectionBodiesRunToTheNextSection() {
            MamlDocument doc = parse("---\n---\nprose\n## A\none\n\n## B\ntwo");
            assertEquals("prose\n", doc.text(doc.preamble().range()));
            assertEquals("one\n\n", doc.text(doc.sections().get(0).body()));
            assertEquals("two", doc.text(doc.sections().get(1).body()));
        }
    }

    @Nested
    class Fences {

        @Test
        void backtickAndTildeFencesWithInfoStrings() {
            MamlDocument doc = parse("---\n---\n## Code_Blocks\n```python title=x\nprint(1)\n```\n~~~~bash\necho\n~~~~\n");
            CodeBlock py = doc.codeBlocks().get(0);
            assertEquals("python", py.language());
            assertEquals("python title=x", py.info());
            assertEquals("Code_Blocks", py.section());
            assertEquals("print(1)\n", doc.text(py.content()));
            CodeBlock sh = doc.codeBlocks().get(1);
            assertEquals('~', sh.fenceChar());
            assertEquals(4, sh.fenceLength());
            assertTrue(sh.closed());
        }

        @Test
        void aFenceClosesOnlyWithTheSameCharacterAndAtLeastItsLength() {
            MamlDocument doc = parse("````md\n```\n~~~~\n```python\n`````\nafter\n");
            assertEquals(1, doc.codeBlocks().size());
            CodeBlock b = doc.codeBlocks().get(0);
            assertEquals("```\n~~~~\n```python\n", doc.text(b.content()));
            assertEquals("`````", doc.text(b.close()));
        }

        @Test
        void anUnclosedFenceRunsToTheEndOfTheFile() {
            MamlDocument doc = parse("---\n---\n## Intent\n```python\nx = 1\n## Context\n");
            Diagnostic d = only(doc, RuleId.MAML040);
            assertEquals("4:1", lineOf(doc, d));
            assertEquals(1, doc.sections().size());
            assertEquals(doc.text().length(), doc.codeBlocks().get(0).content().end());
        }

        @Test
        void backtickInfoStringsMayNotContainBackticks() {
            MamlDocument doc = parse("``` a`b\n## Real\n");
            assertTrue(doc.codeBlocks().isEmpty());
            assertEquals("Real", doc.sections().get(0).name());
        }

        @Test
        void aFenceOnAListItemLineClosesWithTheItemsIndentedFence() {
            MamlDocument doc = parse("---\n---\n## Code_Blocks\n- ```bash\n  make\n  ```\n1. ~~~python\n   print(1)\n   ~~~\n"
                    + "## History\n");
            assertEquals(List.of("bash", "python"), doc.codeBlocks().stream().map(CodeBlock::language).toList());
            assertTrue(doc.codeBlocks().stream().allMatch(CodeBlock::closed));
            assertEquals("  make\n", doc.text(doc.codeBlocks().get(0).content()));
            assertEquals("make\n", doc.code(doc.codeBlocks().get(0)));
            assertEquals("print(1)\n", doc.code(doc.codeBlocks().get(1)));
            assertEquals("  ```", doc.text(doc.codeBlocks().get(0).close()));
            assertEquals(List.of("Code_Blocks", "History"), doc.sections().stream().map(Section::name).toList());
            assertFalse(rules(doc).contains(RuleId.MAML040), doc.diagnostics().toString());
        }

        @Test
        void aFenceInABlockQuoteClosesWithTheQuotedFence() {
            MamlDocument doc = parse("---\n---\n## Intent\n> ```json\n> {}\n> ```\n\n## Context\n");
            CodeBlock quoted = doc.codeBlocks().get(0);
            assertEquals("json", quoted.language());
            assertEquals("> ```", doc.text(quoted.close()));
            assertEquals("{}\n", doc.code(quoted));
            assertEquals(List.of("Intent", "Context"), doc.sections().stream().map(Section::name).toList());
            assertFalse(rules(doc).contains(RuleId.MAML040), doc.diagnostics().toString());
        }

        @Test
        void anUnclosedFenceEndsWithTheListItemHoldingIt() {
            MamlDocument doc = parse("---\n---\n## Intent\n- ```\n  code\n## Context\n");
            Diagnostic d = only(doc, RuleId.MAML040);
            assertEquals("4:1", lineOf(doc, d));
            assertEquals("code fence opened here is never closed; it ends on line 5, with the list item or block"
                    + " quote that holds it", d.message());
            CodeBlock b = doc.codeBlocks().get(0);
            assertEquals("  code\n", doc.text(b.content()));
            assertEquals(List.of("Intent", "Context"), doc.sections().stream().map(Section::name).toList());
        }

        @Test
        void aFenceInsideAnHtmlBlockIsHtml() {
            MamlDocument doc = parse("---\n---\n## Intent\n<div>\n```\n## Not a section\n</div>\n\n## Context\n```\nx\n```\n");
            assertEquals(List.of("Intent", "Context"), doc.sections().stream().map(Section::name).toList());
            assertEquals(1, doc.codeBlocks().size());
            assertEquals("Context", doc.codeBlocks().get(0).section());
        }

        @Test
        void theCodeOfAnIndentedFenceLosesThatIndentationAndAnUnshiftedOneIsItsContent() {
            MamlDocument doc = parse("  ```\n  a\n    b\nc\n  ```\n```\nx\r\n```\n");
            assertEquals("a\n  b\nc\n", doc.code(doc.codeBlocks().get(0)));
            assertNull(doc.codeBlocks().get(1).shiftedCode());
            assertEquals("x\r\n", doc.code(doc.codeBlocks().get(1)));
        }

        @Test
        void fenceWithoutLanguage() {
            MamlDocument doc = parse("```\ncode\n```\n");
            assertEquals("", doc.codeBlocks().get(0).language());
        }
    }

    @Nested
    class HistoryAndContext {

        @Test
        void historyEntriesAreParsedAndMalformedItemsKept() {
            MamlDocument doc = parse("---\n---\n## History\n- 2025-10-24T12:40:00Z: [CREATE] Made.\n"
                    + "- 2025-10-24 12:41:00+02:00: [SIGN] by abc\n- yesterday: [VERIFY] ok\nProse is no entry.\n");
            assertEquals(3, doc.history().size());
            assertEquals("2025-10-24T12:40:00Z", doc.history().get(0).timestamp());
            assertEquals("Made.", doc.history().get(0).text());
            assertEquals("2025-10-24 12:41:00+02:00", doc.history().get(1).timestamp());
            assertEquals("SIGN", doc.text(doc.history().get(1).verbRange()));
            assertFalse(doc.history().get(2).wellFormed());
        }

        @Test
        void historyLinesElsewhereAreNotEntries() {
            MamlDocument doc = parse("---\n---\n## Intent\n- 2025-10-24T12:40:00Z: [CREATE] Made.\n");
            assertTrue(doc.history().isEmpty());
        }

        @Test
        void contextLinesOutsideFencesFormTheContextMap() {
            MamlDocument doc = parse("---\n---\n## Context\ndataset: data.csv # the input\nurl: a#b\nempty:\n"
                    + "```yaml\nhidden: 1\n```\n- list: no\n");
            assertEquals(List.of("dataset", "url", "empty"), doc.context().stream().map(c -> c.key()).toList());
            assertEquals("data.csv", doc.context().get(0).value());
            assertEquals("data.csv", doc.text(doc.context().get(0).valueRange()));
            assertEquals("a#b", doc.context().get(1).value());
            assertEquals("", doc.context().get(2).value());
        }
    }

    @Nested
    class Schemas {

        @Test
        void bareAndFencedSchemas() {
            MamlDocument doc = parse("---\n---\n## Input_Schema\n\n{ \"type\": \"object\" }\n\n## Output_Schema\n```json\n{}\n```\n");
            assertEquals(2, doc.schemas().size());
            assertEquals("{ \"type\": \"object\" }", doc.schemas().get(0).json());
            assertFalse(doc.schemas().get(0).fenced());
            assertEquals("{}\n", doc.schemas().get(1).json());
            assertEquals("json", doc.schemas().get(1).language());
        }
    }

    @Nested
    class Encoding {

        @Test
        void crlfDocumentsParseLikeLfDocuments() {
            MamlDocument doc = parse("---\r\nid: x\r\n---\r\n## Intent\r\nDo.\r\n```py\r\nx\r\n```\r\n");
            assertEquals(LineEndings.CRLF, doc.lineEndings());
            assertEquals("Intent", doc.sections().get(0).name());
            assertTrue(doc.frontMatter().closed());
            assertTrue(doc.codeBlocks().get(0).closed());
            assertEquals("py", doc.codeBlocks().get(0).language());
            assertTrue(doc.diagnostics().isEmpty(), doc.diagnostics().toString());
        }

        @Test
        void mixedLineEndingsAreAWarningAtTheFirstDeviatingLine() {
            MamlDocument doc = parse("---\nid: x\r\n---\n");
            Diagnostic d = only(doc, RuleId.MAML092);
            assertEquals(Severity.WARNING, d.severity());
            assertEquals("2:1", lineOf(doc, d));
        }

        @Test
        void invalidUtf8IsReportedWithByteOffsetAndLine() {
            byte[] bytes = "---\nid: x\n---\n## Intent\nbad \u0000 here\n".getBytes(StandardCharsets.UTF_8);
            byte[] withBad = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, withBad, 0, 27);
            withBad[27] = (byte) 0xC3;
            System.arraycopy(bytes, 27, withBad, 28, bytes.length - 27);
            MamlDocument doc = DocumentParser.parse(withBad);
            Invariants.check(doc);
            List<Diagnostic> encoding = doc.diagnostics().stream().filter(d -> d.rule() == RuleId.MAML090).toList();
            assertEquals(2, encoding.size(), encoding.toString());
            assertTrue(encoding.get(0).message().contains("byte 27 (line 5)"), encoding.get(0).message());
            assertTrue(encoding.get(1).message().contains("NUL byte"), encoding.get(1).message());
            assertEquals("Intent", doc.sections().get(0).name());
        }
    }
}
