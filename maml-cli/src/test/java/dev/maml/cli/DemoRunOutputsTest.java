package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.cli.security.IsolatedGit;
import dev.maml.cli.security.IsolatedGit.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command writes its outputs next to the demo (spec 9 and 10: the receipt, the
 * sealed dataset and its keyring), and the demo's committed .gitignore hides every one of them, so a
 * user's run leaves `git status` clean. Checked with real git on a copy of the committed demo.
 */
class DemoRunOutputsTest {

    @TempDir
    Path demo;

    @TempDir
    Path home;

    @Test
    void theDemoRunWritesNextToTheDocumentAndGitIgnoresAllOfIt() throws Exception {
        Path doc = RunFixtures.copyFreshDemo(demo);
        Files.copy(RunFixtures.demo().resolve(".gitignore"), demo.resolve(".gitignore"));
        IsolatedGit git = IsolatedGit.init(demo, home);
        git.ok("add", "-A");
        git.ok("commit", "-q", "-m", "the committed demo");

        CliRun run = CliRun.of("run", doc.toString(), "--trust", demo.resolve("keys/demo-only-drone-security.pub").toString());
        assertEquals(0, run.exitCode(), run.err());
        for (String output : List.of("drone_communication.mu", "drone_communication_data.csv.mqa",
                "drone_communication_data.csv.mqa.keyring")) {
            assertTrue(Files.isRegularFile(demo.resolve(output)), output + " next to the document");
        }
        Result status = git.git("status", "--porcelain", "--untracked-files=all");
        assertEquals(0, status.code(), status.output());
        assertEquals("", status.output(), "every output of the run is git-ignored");
        Result ignored = git.git("status", "--porcelain", "--ignored", "--untracked-files=all");
        assertEquals(3, ignored.output().lines().filter(line -> line.startsWith("!! ")).count(), ignored.output());
    }
}
