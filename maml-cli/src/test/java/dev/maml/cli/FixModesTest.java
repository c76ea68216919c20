package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `maml lint --fix-dry-run`, `--diff` and `--unsafe-fixes`, run for real on files. */
class FixModesTest {

    /** Trailing spaces after the opening delimiter (MAML091, a safe fix) and an unclosed fence (MAML040, no fix). */
    static final String FIXABLE = "---  \n" + LintCommandTest.UNCLOSED_FENCE.substring("---\n".length());
    /** A slug for an id (MAML012): its only fix is a new random UUID, an unsafe one. */
    static final String SLUG_ID = LintCommandTest.CLEAN.replace("\"urn:uuid:6f1c2a9e-3b7d-4e8f-9a0b-1c2d3e4f5a6b\"", "drone-001");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void fixDryRunReportsWhatFixWouldLeaveAndTouchesNothing() throws Exception {
        Path file = write("d.maml.md", FIXABLE);
        CliRun dry = CliRun.of("lint", "--fix-dry-run", file.toString());
        assertEquals(FIXABLE, Files.readString(file), "files are left untouched");
        assertEquals(file + ":19:1: error MAML040/fence-unclosed code fence opened here is never closed; it runs to the end of the file\n",
                dry.out(), "MAML091 is fixed");
        assertEquals(1, dry.exitCode());
        assertTrue(CliRun.of("lint", file.toString()).out().contains("MAML091"), "without a fix mode MAML091 is reported");

        Path copy = write("e.maml.md", FIXABLE);
        CliRun fixed = CliRun.of("lint", "--fix", copy.toString());
        assertEquals(dry.out().replace(file.toString(), copy.toString()), fixed.out(), "the same findings as --fix leaves");
    }

    @Test
    void diffPrintsWhatFixWouldChangeAndExitsOne() throws Exception {
        Path file = write("d.maml.md", FIXABLE);
        Path clean = write("c.maml.md", LintCommandTest.CLEAN);
        CliRun diff = CliRun.of("lint", "--diff", file.toString(), clean.toString());
        assertEquals(1, diff.exitCode(), diff.err());
        assertEquals("--- " + file + "\n+++ " + file + "\n@@ -1,4 +1,4 @@\n----  \n+---\n maml_version: \"2.0.0\"\n"
                + " id: \"urn:uuid:6f1c2a9e-3b7d-4e8f-9a0b-1c2d3e4f5a6b\"\n type: workflow\n", diff.out());
        assertEquals("maml: --fix would change 1 file\n", diff.err());
        assertEquals(FIXABLE, Files.readString(file), "files are left untouched");

        CliRun nothing = CliRun.of("lint", "--diff", clean.toString());
        assertEquals(0, nothing.exitCode(), nothing.err());
        assertEquals("", nothing.out());

        // The diff applies: patch -p0 turns the file into what --fix writes.
        CliRun.of("lint", "--fix", write("f.maml.md", FIXABLE).toString());
        CliRun stdin = CliRun.withStdin(FIXABLE.getBytes(StandardCharsets.UTF_8), "lint", "--diff", "--stdin", "--stdin-filename", "s.maml.md");
        assertEquals(1, stdin.exitCode());
        assertTrue(stdin.out().startsWith("--- s.maml.md\n+++ s.maml.md\n@@ -1,4 +1,4 @@\n"), stdin.out());
        assertEquals(Files.readString(dir.resolve("f.maml.md")), patched(FIXABLE, stdin.out()));
    }

    /** Applies a one-hunk diff whose hunk starts at line 1, as patch would. */
    private static String patched(String text, String diff) {
        StringBuilder out = new StringBuilder();
        String[] lines = diff.split("\n");
        int consumed = 0;
        for (int i = 3; i < lines.length; i++) {
            char kind = lines[i].charAt(0);
            if (kind != '+') {
                consumed++;
            }
            if (kind != '-') {
                out.append(lines[i].substring(1)).append('\n');
            }
        }
        String[] original = text.split("\n", -1);
        for (int i = consumed; i < original.length; i++) {
            out.append(original[i]).append(i < original.length - 1 ? "\n" : "");
        }
        return out.toString();
    }

    @Test
    void aNewRandomIdIsAnUnsafeFix() throws Exception {
        Path file = write("i.maml.md", SLUG_ID);
        CliRun safe = CliRun.of("lint", "--fix", file.toString());
        assertEquals(1, safe.exitCode());
        assertEquals(SLUG_ID, Files.readString(file), "--fix leaves the id alone");
        assertTrue(safe.out().contains("MAML012"), safe.out());
        assertTrue(safe.err().contains("maml: " + file + ": 1 fix not applied because unsafe (a new random id replaces the"
                + " document's own); apply with --unsafe-fixes\n"), safe.err());

        CliRun diff = CliRun.of("lint", "--diff", "--unsafe-fixes", file.toString());
        assertEquals(1, diff.exitCode());
        assertTrue(diff.out().contains("\n-id: drone-001\n+id: urn:uuid:"), diff.out());

        CliRun unsafe = CliRun.of("lint", "--fix", "--unsafe-fixes", file.toString());
        assertEquals(0, unsafe.exitCode(), unsafe.out() + unsafe.err());
        assertTrue(Files.readString(file).matches("(?s).*\nid: urn:uuid:[0-9a-f-]{36}\n.*"), Files.readString(file));
    }

    @Test
    void fixOptionsAreCheckedBeforeAnythingRuns() throws Exception {
        Path file = write("u.maml.md", FIXABLE);
        assertEquals("maml: give one of --fix, --fix-dry-run and --diff\n", CliRun.of("lint", "--fix", "--diff", file.toString()).err());
        assertEquals("maml: --unsafe-fixes needs --fix, --fix-dry-run or --diff\n", CliRun.of("lint", "--unsafe-fixes", file.toString()).err());
        CliRun diffJson = CliRun.of("lint", "--diff", "--format", "json", file.toString());
        assertEquals(2, diffJson.exitCode());
        assertEquals(FIXABLE, Files.readString(file));
    }
}
