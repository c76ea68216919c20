package dev.maml.lsp;

import static dev.maml.lsp.MamlAssert.assertDiagnostics;
import static dev.maml.lsp.MamlAssert.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintSettings;
import dev.maml.lint.config.ConfigResolver;
import dev.maml.lsp.diagnostics.Linter;
import dev.maml.model.FileKind;
import dev.maml.toolchain.Linting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsTest {

    @Test
    void unclosedFenceIsReportedWhereItOpens() {
        assertDiagnostics("---\nmaml_version: \"2.0.0\"\n---\n## Intent\nx\n```python\nprint(1)\n",
                d(5, 0, 9, "MAML040"));
    }

    @Test
    void trailingSpaceOnDelimiterIsAHintOnTheSpaces() {
        assertDiagnostics("---  \nmaml_version: \"2.0.0\"\n---\n", d(0, 3, 5, "MAML091"));
    }

    @Test
    void columnsAreUtf16Units() {
        // The emoji is two UTF-16 units: the second "a" starts at character 13, where code points would say 12.
        assertDiagnostics("---\nx: {a: \"😀\", a: 1}\n---\n", d(1, 13, 14, "MAML005"));
    }

    @Test
    void codeSourceSeverityAndHrefFollowTheRule() {
        Linter linter = new Linter(new ServerSettings(null, Map.of(), null, null, List.of(), "https://example.org/maml", 200),
                Path.of("").toAbsolutePath());
        List<Diagnostic> ds = MamlAssert.service().diagnostics(MamlAssert.doc("---  \na: 1\n---\n"), linter,
                MamlAssert.NEVER);
        Diagnostic d = ds.stream().filter(x -> x.getCode().getLeft().equals("MAML091")).findFirst().orElseThrow();
        assertEquals("maml", d.getSource());
        assertEquals(DiagnosticSeverity.Hint, d.getSeverity());
        assertEquals("https://example.org/maml/docs/rules/MAML091.md", d.getCodeDescription().getHref());
    }

    @Test
    void sameFindingsAsTheLintLibraryForTheExample() throws IOException {
        Path example = dev.maml.testing.TestData.example();
        String text = Files.readString(example);
        LspDocument doc = new LspDocument(example.toUri().toString(), 1, text);
        List<Diagnostic> lsp = MamlAssert.service().diagnostics(doc, MamlAssert.linter(), MamlAssert.NEVER);
        LintSettings settings;
        try {
            settings = ConfigResolver.discovering().forDocument(example).settingsFor(example);
        } catch (dev.maml.lint.config.LintConfigException e) {
            throw new AssertionError(e);
        }
        List<String> cli = Linting.lint(Files.readAllBytes(example), FileKind.DOCUMENT, settings).diagnostics().stream()
                .map(x -> x.rule().id() + "@" + (doc.parsed().lines().lineOf(x.range().start()))).toList();
        assertEquals(cli, lsp.stream().map(x -> x.getCode().getLeft() + "@" + x.getRange().getStart().getLine()).toList());
    }

    @Test
    void configFileIsHonouredAndEditorSeveritiesWin(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".maml-lint.yaml"), "rules:\n  MAML040: warning\n  MAML091: off\n");
        Path file = dir.resolve("a.maml.md");
        LspDocument doc = new LspDocument(file.toUri().toString(), 1, "---  \na: 1\n---\n```python\n");
        List<Diagnostic> fromFile = MamlAssert.service().diagnostics(doc, MamlAssert.linter(), MamlAssert.NEVER);
        assertEquals(List.of("MAML040:Warning"), summary(fromFile));

        Linter edited = new Linter(new ServerSettings(null, Map.of("fence-unclosed", "off", "MAML091", "error"),
                null, null, List.of(), null, 200), dir);
        List<Diagnostic> fromEditor = MamlAssert.service().diagnostics(doc.withText(2, doc.text()), edited,
                MamlAssert.NEVER);
        assertEquals(List.of("MAML091:Error"), summary(fromEditor));
    }

    @Test
    void ignoredFilesHaveNoDiagnosticsAndBrokenConfigIsOneError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".maml-lint.yaml"), "ignores:\n  - \"drafts/**\"\n");
        Path ignored = dir.resolve("drafts/a.maml.md");
        LspDocument doc = new LspDocument(ignored.toUri().toString(), 1, "```python\n");
        assertEquals(List.of(), MamlAssert.service().diagnostics(doc, MamlAssert.linter(), MamlAssert.NEVER));

        Files.writeString(dir.resolve(".maml-lint.yaml"), "rules:\n  NOPE999: off\n");
        LspDocument other = new LspDocument(dir.resolve("b.maml.md").toUri().toString(), 1, "```python\n");
        List<Diagnostic> ds = MamlAssert.service().diagnostics(other, MamlAssert.linter(), MamlAssert.NEVER);
        assertEquals(1, ds.size(), ds::toString);
        assertTrue(ds.get(0).getMessage().getLeft().startsWith("lint configuration: "), ds.get(0).getMessage().getLeft());
        // Where, not what: the config's content is never quoted (issue 10).
        assertTrue(ds.get(0).getMessage().getLeft().endsWith(".maml-lint.yaml:2:3: unknown rule (expected a rule id such as MAML012, or its alias)"),
                ds.get(0).getMessage().getLeft());
    }

    @Test
    void receiptsAreLintedByTheReceiptEngine() {
        LspDocument mu = new LspDocument("file:///tmp/x/r.mu", 1, "---\nmu_version: \"1.0\"\n---\n```python\n");
        List<Diagnostic> ds = MamlAssert.service().diagnostics(mu, MamlAssert.linter(), MamlAssert.NEVER);
        assertTrue(ds.stream().noneMatch(d -> d.getCode().getLeft().equals(RuleId.MAML040.id())), ds::toString);
    }

    /** The findings of the two rules these tests configure (others may report the sparse front matter). */
    private static List<String> summary(List<Diagnostic> ds) {
        return ds.stream().filter(d -> List.of("MAML040", "MAML091").contains(d.getCode().getLeft()))
                .map(d -> d.getCode().getLeft() + ":" + d.getSeverity()).toList();
    }
}
