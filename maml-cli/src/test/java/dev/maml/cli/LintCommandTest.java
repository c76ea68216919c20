package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.maml.report.Json;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * `maml lint` end to end with the real engine and the whole rule catalogue; the tests mostly use
 * parser-level findings (MAML001, 040, 090, 091, 092) and, for receipts, the MU rules.
 */
public class LintCommandTest {

    /** Front matter and body that every rule accepts; the documents below break one thing each. */
    static final String FRONT_MATTER = "maml_version: \"2.0.0\"\nid: \"urn:uuid:6f1c2a9e-3b7d-4e8f-9a0b-1c2d3e4f5a6b\"\n"
            + "type: workflow\norigin: \"agent://drone\"\npermissions:\n  read: [\"agent://*\"]\n"
            + "  write: [\"agent://drone\"]\n  execute: [\"agent://drone\"]\ncreated_at: 2026-11-25T12:00:00Z\n";
    static final String BODY = "## Intent\nFly.\n\n## Context\nregion: north\n";
    public static final String CLEAN = "---\n" + FRONT_MATTER + "---\n" + BODY;
    static final String NO_FRONT_MATTER = BODY;
    static final String TRAILING = "---  \n" + FRONT_MATTER + "---\t\n" + BODY;
    /** CLEAN is 16 lines; the unclosed fence opens on line 19. */
    public static final String UNCLOSED_FENCE = CLEAN + "\n## Code_Blocks\n```python\nprint(1)\n";
    static final String MIXED_ENDINGS = "---\r\n" + FRONT_MATTER + "---\n" + BODY;

    @TempDir
    Path dir;

    Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    CliRun lint(String... args) {
        List<String> all = new ArrayList<>(List.of("lint"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void cleanFileExitsZeroSilently() throws IOException {
        CliRun run = lint(write("ok.maml.md", CLEAN).toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals("", run.err());
    }

    @Test
    void errorsExitOneInTheSpecsTextForm() throws IOException {
        Path file = write("bad.maml.md", NO_FRONT_MATTER);
        CliRun run = lint(file.toString());
        assertEquals(1, run.exitCode());
        assertEquals(file + ":1:1: error MAML001/front-matter-missing no YAML front matter: line 1 must be '---'\n", run.out());
        assertEquals("1 error, 0 warnings, 0 other findings in 1 file\n", run.err());
    }

    @Test
    void directoriesAreSearchedRecursivelyAndPrintedInSortedOrder() throws IOException {
        write("b/z.maml.md", NO_FRONT_MATTER);
        write("a/y.maml.markdown", NO_FRONT_MATTER);
        write("a/x.mu", "no front matter\n");
        write("a/README.md", NO_FRONT_MATTER);
        write(".git/hidden.maml.md", NO_FRONT_MATTER);
        write("node_modules/pkg/m.maml.md", NO_FRONT_MATTER);
        write("a/target/t.maml.md", NO_FRONT_MATTER);
        CliRun run = lint(dir.toString());
        assertEquals(1, run.exitCode());
        // A file's findings stay together in position order; the receipt gets both the parser's
        // finding and the receipt rule's (it is no readable receipt).
        assertEquals(List.of(dir + "/a/x.mu:1:1: error MAML001", dir + "/a/x.mu:1:1: error MU001",
                        dir + "/a/y.maml.markdown:1:1: error MAML001", dir + "/b/z.maml.md:1:1: error MAML001"),
                run.out().lines().map(l -> l.substring(0, l.indexOf('/', l.indexOf(": error ")))).toList());
    }

    @Test
    void aNamedFileIsLintedWhateverItsName() throws IOException {
        Path notes = write("notes.txt", NO_FRONT_MATTER);
        CliRun run = lint(notes.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().startsWith(notes + ":1:1: error MAML001"), run.out());
    }

    @Test
    void manyFilesInParallelComeOutInStableOrder() throws IOException {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String name = String.format("d%02d/f%02d.maml.md", i % 7, i);
            write(name, i % 2 == 0 ? UNCLOSED_FENCE : CLEAN);
            if (i % 2 == 0) {
                expected.add(dir.resolve(name) + ":19:1: error MAML040/fence-unclosed");
            }
        }
        expected.sort(null);
        CliRun run = lint(dir.toString());
        assertEquals(1, run.exitCode());
        assertEquals(expected, run.out().lines().map(l -> l.substring(0, l.indexOf(" code fence"))).toList());
        assertEquals(run.out(), lint(dir.toString()).out());
    }

    @Test
    void jsonHasTheSpecsShape() throws IOException {
        write("t.maml.md", TRAILING);
        write("ok.maml.md", CLEAN);
        CliRun run = lint("--format", "json", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        String d = dir.toString();
        assertEquals("{\"version\":1,\"files\":["
                + "{\"path\":\"" + d + "/ok.maml.md\",\"diagnostics\":[]},"
                + "{\"path\":\"" + d + "/t.maml.md\",\"diagnostics\":["
                + "{\"rule\":\"MAML091\",\"alias\":\"delimiter-trailing-space\",\"severity\":\"hint\","
                + "\"message\":\"trailing whitespace after the '---' delimiter\",\"line\":1,\"column\":4,\"endLine\":1,"
                + "\"endColumn\":6,\"fixable\":true,\"fix\":{\"title\":\"Remove the trailing whitespace\",\"applicability\":\"safe\",\"edits\":"
                + "[{\"line\":1,\"column\":4,\"endLine\":1,\"endColumn\":6,\"text\":\"\"}]}},"
                + "{\"rule\":\"MAML091\",\"alias\":\"delimiter-trailing-space\",\"severity\":\"hint\","
                + "\"message\":\"trailing whitespace after the '---' delimiter\",\"line\":11,\"column\":4,\"endLine\":11,"
                + "\"endColumn\":5,\"fixable\":true,\"fix\":{\"title\":\"Remove the trailing whitespace\",\"applicability\":\"safe\",\"edits\":"
                + "[{\"line\":11,\"column\":4,\"endLine\":11,\"endColumn\":5,\"text\":\"\"}]}}]}],"
                + "\"summary\":{\"files\":2,\"errors\":0,\"warnings\":0}}\n", run.out());
    }

    @Test
    void githubAnnotations() throws IOException {
        Path file = write("g.maml.md", UNCLOSED_FENCE);
        CliRun run = lint("--format", "github", file.toString());
        assertEquals(1, run.exitCode());
        assertEquals("::error file=" + file + ",line=19,col=1,endLine=19,endColumn=10,title=MAML040 (fence-unclosed)::"
                + "code fence opened here is never closed; it runs to the end of the file\n", run.out());
    }

    @Test
    void sarifFromTheCommandValidates() throws IOException {
        Path source = write("s.maml.md", NO_FRONT_MATTER);
        Path receipt = dir.resolve("t.mu");
        CliRun create = CliRun.of("receipt", "create", source.toString(), "--out", receipt.toString());
        assertEquals(0, create.exitCode(), create.err());
        // A real (unsigned) receipt of s.maml.md whose delimiters get trailing whitespace: the
        // receipt still verifies, so only MU005 and the two MAML091 hints are left.
        String text = Files.readString(receipt);
        Files.writeString(receipt, "---  " + text.substring(3).replaceFirst("\n---\n", "\n---\t\n"));
        CliRun run = lint("--format", "sarif", dir.toString());
        assertEquals(1, run.exitCode());
        Schema schema;
        try (InputStream in = Files.newInputStream(TestData.root().resolve("testvectors/sarif/sarif-schema-2.1.0.json"))) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
        JsonNode sarif = Json.MAPPER.readTree(run.out());
        assertEquals(List.of(), schema.validate(sarif).stream().map(Object::toString).toList());
        JsonNode rules = sarif.get("runs").get(0).get("tool").get("driver").get("rules");
        List<String> found = new ArrayList<>();
        for (JsonNode result : sarif.get("runs").get(0).get("results")) {
            String id = result.get("ruleId").asString();
            assertEquals(id, rules.get(result.get("ruleIndex").asInt()).get("id").asString(), "ruleIndex points at the rule");
            found.add(id + " " + result.get("level").asString());
        }
        assertEquals(List.of("MAML001 error", "MU005 note", "MAML091 note", "MAML091 note"), found);
    }

    @Test
    void maxWarnings() throws IOException {
        Path file = write("m.maml.md", MIXED_ENDINGS);
        assertEquals(0, lint(file.toString()).exitCode());
        assertEquals(0, lint("--max-warnings", "1", file.toString()).exitCode());
        CliRun over = lint("--max-warnings", "0", file.toString());
        assertEquals(1, over.exitCode());
        assertTrue(over.err().contains("maml: 1 warning, more than --max-warnings 0"), over.err());
    }

    @Test
    void usageAndIoErrorsExitTwoWithOneLine() throws IOException {
        Path ok = write("ok.maml.md", NO_FRONT_MATTER);
        CliRun missing = lint(ok.toString(), dir.resolve("gone.maml.md").toString());
        assertEquals(2, missing.exitCode());
        assertEquals("maml: " + dir.resolve("gone.maml.md") + ": no such file", missing.err().lines().findFirst().orElseThrow());
        assertTrue(missing.out().startsWith(ok + ":1:1: error MAML001"), "other files are still linted");
        assertEquals("maml: unknown format 'xml' (expected text, json, sarif, github, gitlab or junit)\n",
                lint("--format", "xml", ok.toString()).err());
        assertEquals(2, lint("--format", "xml", ok.toString()).exitCode());
        assertEquals(2, lint("--stdin", ok.toString()).exitCode());
        assertEquals(2, lint("--stdin-filename", "x.maml.md").exitCode());
        assertEquals(2, lint("--max-warnings", "many").exitCode());
        CliRun noConfig = lint("--config", dir.resolve("none.yaml").toString(), ok.toString());
        assertEquals(2, noConfig.exitCode());
        assertEquals("maml: " + dir.resolve("none.yaml") + ": no such config file\n", noConfig.err());
    }

    @Test
    void unknownRuleInConfigIsExitTwoNamingFileAndLine() throws IOException {
        Path cfg = write("p/.maml-lint.yaml", "rules:\n  MAML001: off\n  front-matter-nope: warning\n");
        write("p/a.maml.md", NO_FRONT_MATTER);
        write("p/b.maml.md", NO_FRONT_MATTER);
        CliRun run = lint(dir.resolve("p").toString());
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals("maml: " + cfg + ":3:3: unknown rule (expected a rule id such as MAML012, or its alias)\n", run.err());
    }

    @Test
    void configDiscoveryIgnoresAndOverride() throws IOException {
        write("p/.maml-lint.yaml", "rules:\n  front-matter-missing: warning\nignores:\n  - \"drafts/**\"\n");
        Path doc = write("p/docs/a.maml.md", NO_FRONT_MATTER);
        write("p/drafts/wip.maml.md", NO_FRONT_MATTER);
        Path other = write("elsewhere/b.maml.md", NO_FRONT_MATTER);
        CliRun run = lint(dir.resolve("p").toString(), other.toString());
        assertEquals(1, run.exitCode(), "b.maml.md has no config, so MAML001 stays an error");
        assertEquals(List.of(other + ":1:1: error MAML001/front-matter-missing", doc + ":1:1: warning MAML001/front-matter-missing"),
                run.out().lines().map(l -> l.substring(0, l.indexOf(" no YAML"))).sorted().toList());
        Path off = write("off.yaml", "rules:\n  MAML001: off\n");
        CliRun overridden = lint("--config", off.toString(), dir.toString());
        assertEquals(0, overridden.exitCode(), overridden.out());
        assertEquals("", overridden.out());
    }

    @Test
    void inlineSuppression() throws IOException {
        Path file = write("s.maml.md", UNCLOSED_FENCE.replace("```python\n",
                "<!-- maml-lint-disable-next-line fence-unclosed -->\n```python\n"));
        CliRun run = lint(file.toString());
        assertEquals(0, run.exitCode(), run.out());
        assertEquals("", run.out());
    }

    @Test
    void fixWritesAtomicallyKeepsPermissionsAndIsIdempotent() throws IOException {
        Path file = write("f.maml.md", TRAILING);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        CliRun run = lint("--fix", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out(), "nothing is left to report");
        assertEquals(CLEAN, Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temp file is left behind");
        }
        byte[] once = Files.readAllBytes(file);
        assertEquals(0, lint("--fix", file.toString()).exitCode());
        assertArrayEquals(once, Files.readAllBytes(file));
    }

    @Test
    void fixLeavesUnfixableFindingsAndFollowsSymlinks() throws IOException {
        Path real = write("real/u.maml.md", TRAILING + "```\nunclosed\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.maml.md"), real);
        CliRun run = lint("--fix", link.toString());
        assertEquals(1, run.exitCode());
        assertEquals(link + ":17:1: error MAML040/fence-unclosed code fence opened here is never closed; it runs to the end of the file\n",
                run.out());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(CLEAN + "```\nunclosed\n", Files.readString(real));
    }

    @Test
    void fixNeverRewritesAFileThatIsNotUtf8() throws IOException {
        byte[] bytes = ("---  \nx: \"").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bytes.length + 3];
        System.arraycopy(bytes, 0, content, 0, bytes.length);
        content[bytes.length] = (byte) 0xC3;
        content[bytes.length + 1] = '"';
        content[bytes.length + 2] = '\n';
        Path file = dir.resolve("latin.maml.md");
        Files.write(file, content);
        CliRun run = lint("--fix", file.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("MAML090/encoding"), run.out());
        assertArrayEquals(content, Files.readAllBytes(file));
    }

    @Test
    void stdinUsesTheGivenNameForOutputKindAndConfig() throws IOException {
        write("cfg/.maml-lint.yaml", "rules:\n  MAML040: warning\n");
        byte[] input = UNCLOSED_FENCE.getBytes(StandardCharsets.UTF_8);
        String name = dir.resolve("cfg/in.maml.md").toString();
        CliRun named = CliRun.withStdin(input, "lint", "--stdin", "--stdin-filename", name);
        assertEquals(0, named.exitCode(), named.err());
        assertTrue(named.out().startsWith(name + ":19:1: warning MAML040/fence-unclosed"), named.out());
        CliRun anonymous = CliRun.withStdin(input, "lint", "--stdin");
        assertEquals(1, anonymous.exitCode());
        assertTrue(anonymous.out().startsWith("<stdin>:19:1: error MAML040"), anonymous.out());
        CliRun receipt = CliRun.withStdin(input, "lint", "--stdin", "--stdin-filename", "r.mu");
        // A document is no receipt (MU001), but its body, a receipt's mirror, is not checked for fences.
        assertEquals(1, receipt.exitCode());
        assertEquals(List.of("MU001", "MU005"), ruleIds(receipt.out()), receipt.out());
    }

    @Test
    void stdinFixPrintsTheFixedTextAndReportsTheRestOnStderr() {
        String input = TRAILING + "😀 ü\n```\n";
        CliRun run = CliRun.withStdin(input.getBytes(StandardCharsets.UTF_8), "lint", "--stdin", "--fix",
                "--stdin-filename", "doc.maml.md");
        assertEquals(1, run.exitCode());
        assertEquals(CLEAN + "😀 ü\n```\n", run.out());
        assertTrue(run.err().startsWith("doc.maml.md:18:1: error MAML040/fence-unclosed"), run.err());
        CliRun again = CliRun.withStdin(run.out().getBytes(StandardCharsets.UTF_8), "lint", "--stdin", "--fix");
        assertEquals(run.out(), again.out());
    }

    /** The distinct rule ids of text output, sorted. */
    static List<String> ruleIds(String textOutput) {
        return textOutput.lines().map(l -> l.split(" ")[2].split("/")[0]).distinct().sorted().toList();
    }

    @Test
    void theWholeCorpusLintsWithoutAStackTrace() {
        CliRun run = lint("--format", "json", TestData.corpus().toString());
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        JsonNode report = Json.MAPPER.readTree(run.out());
        assertEquals(TestData.corpusFiles().stream().filter(p -> !p.toString().endsWith("/NOTICE.md")
                        && (p.toString().endsWith(".maml.md") || p.toString().endsWith(".mu"))).count(),
                report.get("summary").get("files").asLong());
    }
}
