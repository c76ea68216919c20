package dev.maml.cli;

import static dev.maml.cli.LintCommandTest.NO_FRONT_MATTER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `maml lint` finds .maml-lint.yml like .maml-lint.yaml, and refuses to guess when a directory has both. */
class ConfigFileNamesTest {

    @TempDir
    Path dir;

    @Test
    void dotYmlIsReadAndBothNamesAreExitTwo() throws IOException {
        Files.writeString(dir.resolve(".maml-lint.yml"), "rules:\n  front-matter-missing: off\n");
        Path doc = Files.writeString(dir.resolve("a.maml.md"), NO_FRONT_MATTER);
        CliRun yml = CliRun.of("lint", doc.toString());
        assertEquals(0, yml.exitCode(), yml.out() + yml.err());
        assertEquals("", yml.out());
        Files.writeString(dir.resolve(".maml-lint.yaml"), "rules:\n  front-matter-missing: off\n");
        CliRun both = CliRun.of("lint", doc.toString());
        assertEquals(2, both.exitCode());
        assertEquals("", both.out());
        assertEquals("maml: " + dir + ": both .maml-lint.yaml and .maml-lint.yml (which one applies would be a guess; keep one)\n",
                both.err());
    }
}
