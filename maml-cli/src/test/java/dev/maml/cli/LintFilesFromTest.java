package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `maml lint --files-from FILE|- [-0]`: the option pair maml-run has, with its rules for what a list holds. */
class LintFilesFromTest {

    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void lintsTheListedDocumentsAndPassesOverOtherNames() throws IOException {
        Path clean = write("clean.maml.md", LintCommandTest.CLEAN);
        Path broken = write("with space.maml.md", LintCommandTest.UNCLOSED_FENCE);
        Path notes = write("notes.txt", "not a document");
        write("unlisted.maml.md", LintCommandTest.UNCLOSED_FENCE);
        Path list = write("changed.txt", clean + "\n\n" + notes + "\r\n" + broken + "\n");
        CliRun run = CliRun.of("lint", "--format", "json", "--files-from", list.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"path\":\"" + clean + "\""), run.out());
        assertTrue(run.out().contains("\"path\":\"" + broken + "\",\"diagnostics\":[{\"rule\":\"MAML040\""), run.out());
        assertTrue(!run.out().contains("unlisted") && !run.out().contains("notes.txt"), run.out());
        assertTrue(run.out().contains("\"summary\":{\"files\":2,"), run.out());
    }

    @Test
    void nulSeparatedFromStandardInputAddsToThePathArguments() throws IOException {
        Path a = write("a.maml.md", LintCommandTest.CLEAN);
        Path b = write("b\nc.maml.md", LintCommandTest.UNCLOSED_FENCE);
        Path c = write("c.maml.md", LintCommandTest.CLEAN);
        byte[] list = (a + "\0" + b + "\0").getBytes(StandardCharsets.UTF_8);
        CliRun run = CliRun.withStdin(list, "lint", "--files-from", "-", "-0", c.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(dir.resolve("b\\x0Ac.maml.md") + ":19:1: error MAML040/fence-unclosed", run.out().lines().findFirst().orElseThrow()
                .replaceAll(" code fence.*", ""), "the name with a line break is one entry, printed escaped");
        assertEquals(1, run.out().lines().count(), run.out());
        assertTrue(run.err().startsWith("1 error, 0 warnings"), run.err());
    }

    @Test
    void aListedFileThatDoesNotExistIsExitTwo() throws IOException {
        Path a = write("a.maml.md", LintCommandTest.CLEAN);
        CliRun run = CliRun.withStdin((a + "\ngone.maml.md\n").getBytes(StandardCharsets.UTF_8), "lint", "--files-from", "-");
        assertEquals(2, run.exitCode());
        assertEquals("maml: --files-from standard input, line 2: gone.maml.md: no such file\n", run.err());
        CliRun list = CliRun.of("lint", "--files-from", dir.resolve("missing.txt").toString());
        assertEquals(2, list.exitCode());
        assertEquals("maml: --files-from " + dir.resolve("missing.txt") + ": no such file\n", list.err());
    }

    @Test
    void anEmptyListLintsNothingNotTheCurrentDirectory() {
        CliRun run = CliRun.withStdin(new byte[0], "lint", "--format", "json", "--files-from", "-");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("{\"version\":1,\"files\":[],\"summary\":{\"files\":0,\"errors\":0,\"warnings\":0}}\n", run.out());
    }

    @Test
    void misuseIsExitTwo() throws IOException {
        Path a = write("a.maml.md", LintCommandTest.CLEAN);
        CliRun stdin = CliRun.of("lint", "--stdin", "--files-from", a.toString());
        assertEquals(2, stdin.exitCode());
        assertEquals("maml: give PATHs (or --files-from) or --stdin, not both\n", stdin.err());
        CliRun nul = CliRun.of("lint", "-0", a.toString());
        assertEquals(2, nul.exitCode());
        assertEquals("maml: -0 needs --files-from\n", nul.err());
    }

    @Test
    void helpShowsTheOptionsWithExamples() {
        CliRun lint = CliRun.of("lint", "--help");
        assertEquals(0, lint.exitCode());
        for (String expected : List.of("--files-from=FILE", "-0, --null", "--report-unused-disable-directives",
                "Examples:", "  git ls-files -z '*.maml.md' | maml lint --files-from - -0\n", "maml lint --fix --report-unused-disable-directives docs")) {
            assertTrue(lint.out().contains(expected), expected + " in " + lint.out());
        }
        CliRun fmt = CliRun.of("fmt", "--help");
        assertEquals(0, fmt.exitCode());
        assertTrue(fmt.out().contains("Examples:") && fmt.out().contains("maml fmt --check 'docs/**/*.maml.md'"), fmt.out());
    }
}
