package dev.maml.cli;

import static dev.maml.cli.LintCommandTest.CLEAN;
import static dev.maml.cli.LintCommandTest.NO_FRONT_MATTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.cli.security.IsolatedGit;
import dev.maml.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Which files `maml lint` and `maml fmt` take: globs, '!' patterns, .gitignore, --no-ignore, arguments that match nothing. */
class FileSelectionTest {

    @TempDir
    Path dir;

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /** The paths a JSON report lists, from the line of output that is the report. */
    private static List<String> linted(String output) {
        String report = output.lines().filter(l -> l.startsWith("{\"version\"")).findFirst().orElseThrow(() -> new AssertionError(output));
        List<String> paths = new ArrayList<>();
        for (JsonNode file : Json.MAPPER.readTree(report).get("files")) {
            paths.add(file.get("path").asString());
        }
        return paths;
    }

    @Test
    void globsAndNegationsPickTheFiles() throws IOException {
        write("docs/a.maml.md", CLEAN);
        write("docs/sub/b.maml.md", CLEAN);
        write("docs/drafts/c.maml.md", NO_FRONT_MATTER);
        write("docs/notes.md", NO_FRONT_MATTER);
        write("other/d.maml.md", NO_FRONT_MATTER);
        CliRun run = CliRun.of("lint", "--format", "json", "!" + dir + "/docs/drafts/**", dir + "/docs/**/*.maml.md");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(dir + "/docs/a.maml.md", dir + "/docs/sub/b.maml.md"), linted(run.out()));
        CliRun braces = CliRun.of("lint", "--format", "json", dir + "/{docs,other}/*.maml.md");
        assertEquals(List.of(dir + "/docs/a.maml.md", dir + "/other/d.maml.md"), linted(braces.out()));
        assertEquals(1, braces.exitCode());
    }

    @Test
    void aDirectoryOrPatternThatMatchesNothingIsAnError() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        write("docs/a.maml.md", CLEAN);
        CliRun empty = CliRun.of("lint", dir.resolve("empty").toString(), dir.resolve("docs").toString());
        assertEquals(2, empty.exitCode());
        assertEquals("maml: no files matching '" + dir.resolve("empty") + "'\n", empty.err());
        CliRun glob = CliRun.of("lint", dir + "/docs/*.mu");
        assertEquals(2, glob.exitCode());
        assertEquals("maml: no files matching '" + dir + "/docs/*.mu'\n", glob.err());
        CliRun excluded = CliRun.of("lint", dir + "/docs", "!" + dir + "/docs/a.maml.md");
        assertEquals(2, excluded.exitCode());
        assertEquals("maml: all files matching '" + dir + "/docs' are ignored (by .gitignore, a lint config's ignores or a '!' pattern)\n",
                excluded.err());
    }

    @Test
    void aNamedFileTheConfigIgnoresGetsANoticeAndNoIgnoreLintsIt() throws IOException {
        write(".maml-lint.yaml", "ignores:\n  - \"drafts/**\"\n");
        Path draft = write("drafts/wip.maml.md", NO_FRONT_MATTER);
        CliRun run = CliRun.of("lint", draft.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals("maml: " + draft + ": ignored by its lint config's ignores (--no-ignore lints it)\n", run.err());
        CliRun all = CliRun.of("lint", dir.resolve("drafts").toString());
        assertEquals(2, all.exitCode());
        assertTrue(all.err().contains("all files matching '" + dir.resolve("drafts") + "' are ignored"), all.err());
        CliRun forced = CliRun.of("lint", "--no-ignore", draft.toString());
        assertEquals(1, forced.exitCode(), forced.err());
        assertTrue(forced.out().startsWith(draft + ":1:1: error MAML001"), forced.out());
    }

    @Test
    void gitIgnoredFilesAreSkippedLikeGitSkipsThem() throws IOException, InterruptedException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        IsolatedGit git = IsolatedGit.init(repo, dir.resolve("home"));
        Files.writeString(repo.resolve(".gitignore"), "/generated/\n*.tmp.maml.md\n");
        Files.createDirectories(repo.resolve("docs/drafts"));
        Files.writeString(repo.resolve("docs/drafts/.gitignore"), "*\n!.gitignore\n!keep.maml.md\n");
        Files.writeString(repo.resolve(".git/info/exclude"), "local.maml.md\n");
        for (String name : List.of("docs/a.maml.md", "docs/b.tmp.maml.md", "docs/drafts/keep.maml.md", "docs/drafts/wip.maml.md",
                "generated/g.maml.md", "docs/generated/h.maml.md", "local.maml.md", "docs/c.maml.md")) {
            Files.createDirectories(repo.resolve(name).getParent());
            Files.writeString(repo.resolve(name), CLEAN);
        }
        Set<String> notIgnored = new TreeSet<>(git.git("ls-files", "--others", "--exclude-standard", "*.maml.md").output().lines().toList());
        assertEquals(Set.of("docs/a.maml.md", "docs/c.maml.md", "docs/drafts/keep.maml.md", "docs/generated/h.maml.md"), notIgnored);

        IsolatedGit.Result all = git.maml("lint", "--format", "json");
        assertEquals(0, all.code(), all.output());
        assertEquals(List.copyOf(notIgnored), linted(all.output()));

        IsolatedGit.Result globbed = git.maml("lint", "--format", "json", "docs/**/*.maml.md", "!docs/drafts/**");
        assertEquals(List.of("docs/a.maml.md", "docs/c.maml.md", "docs/generated/h.maml.md"), linted(globbed.output()));

        IsolatedGit.Result named = git.maml("lint", "docs/b.tmp.maml.md", "docs/a.maml.md");
        assertEquals(0, named.code(), named.output());
        assertEquals("maml: docs/b.tmp.maml.md: ignored by git's ignore rules (.gitignore, info/exclude; --no-ignore lints it)\n", named.output());

        IsolatedGit.Result ignoredDir = git.maml("lint", "generated");
        assertEquals(2, ignoredDir.code());
        assertTrue(ignoredDir.output().contains("all files matching 'generated' are ignored"), ignoredDir.output());

        IsolatedGit.Result everything = git.maml("lint", "--format", "json", "--no-ignore", ".");
        assertEquals(8, linted(everything.output()).size(), everything.output());
    }

    @Test
    void fmtTakesDirectoriesAndGlobsLikeLint() throws IOException {
        String unformatted = CLEAN.replace("\n\n## Context", "\n## Context");
        Path a = write("docs/a.maml.md", unformatted);
        write("docs/drafts/b.maml.md", unformatted);
        write("docs/r.mu", unformatted);
        CliRun check = CliRun.of("fmt", "--check", dir.resolve("docs").toString(), "!" + dir + "/docs/drafts");
        assertEquals(1, check.exitCode(), check.err());
        assertEquals(a + ": would reformat\n", check.out());
        CliRun none = CliRun.of("fmt", dir + "/*.maml.md");
        assertEquals(2, none.exitCode());
        assertEquals("maml: no files matching '" + dir + "/*.maml.md'\n", none.err());
    }
}
