package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.lsp.LspDocument;
import dev.maml.lsp.MamlLanguageService;
import dev.maml.lsp.ServerSettings;
import dev.maml.lsp.diagnostics.Linter;
import dev.maml.model.LineIndex;
import dev.maml.model.Position;
import dev.maml.report.Json;
import dev.maml.sign.StrictUtf8;
import dev.maml.testing.TestData;
import dev.maml.toolchain.LintOutcome;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Toolchain;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The same documents, linted by the three front ends: `maml lint` (in-process, JSON output), the core
 * API ({@link Toolchain}) and the language server's service layer (no transport). A config next to
 * them changes severities, turns rules off and ignores a file; all three must report the same
 * findings (rule, range, severity, message) and ignore the same file.
 */
class FrontEndParityTest {

    static final String CONFIG = """
            rules:
              MAML012: warning
              section-empty: off
              unknown-key: error
              MAML032: hint
              MAML070: info
              MAML034: on
            ignores:
              - "ignored-*"
            """;

    @TempDir
    Path dir;

    /** Every 9th valid UTF-8 file of the corpus (documents, dialects and receipts), copied flat. */
    List<Path> documents() throws IOException {
        List<Path> copied = new ArrayList<>();
        List<Path> corpus = TestData.corpusFiles();
        for (int i = 0; i < corpus.size(); i += 9) {
            Path from = corpus.get(i);
            try {
                StrictUtf8.decode(Files.readAllBytes(from)); // the editor only ever holds text
            } catch (CharacterCodingException e) {
                continue;
            }
            Path to = dir.resolve(String.format("%03d-%s", i, from.getFileName()));
            Files.copy(from, to);
            copied.add(to);
        }
        return copied;
    }

    @Test
    void cliCoreApiAndLanguageServerReportTheSameFindings() throws IOException {
        Files.writeString(dir.resolve(".maml-lint.yaml"), CONFIG);
        List<Path> documents = documents();
        assertTrue(documents.size() >= 20, "a sample worth comparing: " + documents.size());
        assertTrue(documents.stream().anyMatch(p -> p.toString().endsWith(".mu")), "receipts too");
        Path ignored = dir.resolve("ignored-" + documents.get(0).getFileName());
        Files.copy(documents.get(0), ignored);

        Map<String, List<String>> cli = cli();
        Map<String, List<String>> core = new TreeMap<>();
        Map<String, List<String>> lsp = new TreeMap<>();
        Toolchain toolchain = new Toolchain();
        Session session = Session.standard();
        Linter linter = new Linter(ServerSettings.DEFAULTS, dir);
        MamlLanguageService service = MamlLanguageService.standard();
        for (Path file : documents) {
            String name = file.getFileName().toString();
            core.put(name, core(toolchain.lint(session.read(file), session)));
            LspDocument doc = new LspDocument(file.toUri().toString(), 1, Files.readString(file));
            lsp.put(name, lsp(doc, service.diagnostics(doc, linter, () -> { })));
        }

        assertEquals(core.keySet(), cli.keySet(), "the CLI lints the same files and skips the ignored one");
        assertTrue(core.values().stream().mapToInt(List::size).sum() > 50, "findings to compare");
        assertTrue(core.values().stream().flatMap(List::stream).anyMatch(f -> f.startsWith("MAML012 warning")),
                "the config's severities apply");
        assertTrue(core.values().stream().flatMap(List::stream).noneMatch(f -> f.startsWith("MAML033 ")),
                "the config's off applies");
        for (String name : core.keySet()) {
            assertEquals(core.get(name), cli.get(name), "CLI and core API differ on " + name);
            assertEquals(core.get(name), lsp.get(name), "language server and core API differ on " + name);
        }

        assertTrue(toolchain.lint(session.read(ignored), session).ignored());
        LspDocument ignoredDoc = new LspDocument(ignored.toUri().toString(), 1, Files.readString(ignored));
        assertEquals(List.of(), service.diagnostics(ignoredDoc, linter, () -> { }));
        assertFalse(cli.containsKey(ignored.getFileName().toString()));
    }

    /** `maml lint --format json DIR`, findings per file name. */
    private Map<String, List<String>> cli() {
        CliRun run = CliRun.of("lint", "--format", "json", dir.toString());
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.err());
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode file : Json.MAPPER.readTree(run.out()).get("files")) {
            List<String> findings = new ArrayList<>();
            for (JsonNode d : file.get("diagnostics")) {
                findings.add(finding(d.get("rule").asString(), d.get("severity").asString(), d.get("line").asInt(),
                        d.get("column").asInt(), d.get("endLine").asInt(), d.get("endColumn").asInt(), d.get("message").asString()));
            }
            out.put(Path.of(file.get("path").asString()).getFileName().toString(), findings);
        }
        return out;
    }

    private static List<String> core(LintOutcome outcome) {
        LineIndex lines = outcome.result().document().lines();
        return outcome.result().diagnostics().stream().map(d -> finding(d.rule().id(), d.severity().label(),
                lines.displayLine(d.range().start()), lines.displayColumn(d.range().start()),
                lines.displayLine(d.range().end()), lines.displayColumn(d.range().end()), d.message())).toList();
    }

    /** LSP positions (0-based, UTF-16) mapped back to the CLI's 1-based code-point columns through the text. */
    private static List<String> lsp(LspDocument doc, List<Diagnostic> found) {
        LineIndex lines = doc.parsed().lines();
        return found.stream().map(d -> {
            int start = lines.offset(new Position(d.getRange().getStart().getLine(), d.getRange().getStart().getCharacter()));
            int end = lines.offset(new Position(d.getRange().getEnd().getLine(), d.getRange().getEnd().getCharacter()));
            String severity = switch (d.getSeverity()) {
                case Error -> "error";
                case Warning -> "warning";
                case Information -> "info";
                case Hint -> "hint";
            };
            return finding(d.getCode().getLeft(), severity, lines.displayLine(start), lines.displayColumn(start),
                    lines.displayLine(end), lines.displayColumn(end), d.getMessage().getLeft());
        }).toList();
    }

    private static String finding(String rule, String severity, int line, int column, int endLine, int endColumn,
                                  String message) {
        return rule + " " + severity + " " + line + ":" + column + "-" + endLine + ":" + endColumn + " " + message;
    }
}
