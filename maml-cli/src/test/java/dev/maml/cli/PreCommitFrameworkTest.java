package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.cli.security.IsolatedGit;
import dev.maml.cli.security.IsolatedGit.Result;
import dev.maml.testing.RealParts;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook of .pre-commit-hooks.yaml as a user of the pre-commit framework gets it, with the real
 * `pre-commit` (Debian's package): a project whose .pre-commit-config.yaml names a clone of this
 * repository at a commit, no `maml` on the PATH, and pre-commit's own clone building the jar on first
 * use (language: script running bin/maml). git, pre-commit and HOME are isolated from the machine;
 * Maven keeps the machine's own repository (-Duser.home), as a user's Maven would, so the build works
 * offline when the outer build's dependencies are there.
 */
class PreCommitFrameworkTest {

    /** The first run builds maml inside pre-commit's clone (a package of four modules on a busy machine). */
    private static final Duration FIRST_RUN = Duration.ofMinutes(15);

    @TempDir
    Path tmp;

    @Test
    void theHookBuildsMamlInPreCommitsCloneThenFailsABrokenDocumentAndPassesACleanOne() throws Exception {
        Map<String, String> machine = new HashMap<>(System.getenv());
        machine.put("PATH", pathWithoutMaml(machine.getOrDefault("PATH", "")));
        for (String program : new String[] {"pre-commit", "git", "mvn"}) {
            if (find(machine.get("PATH"), program).isEmpty()) {
                RealParts.missing(program + " is not on the PATH (apt-get install pre-commit git maven)");
            }
        }
        assertTrue(find(machine.get("PATH"), "maml").isEmpty(), "no maml on the PATH");
        machine.put("PRE_COMMIT_HOME", tmp.resolve("pre-commit-cache").toString());
        machine.put("MAVEN_OPTS", (machine.getOrDefault("MAVEN_OPTS", "") + " -Duser.home="
                + System.getProperty("user.home")).strip());
        Path home = tmp.resolve("home");

        String rev = commitOfThisTree(new IsolatedGit(tmp.resolve("maml"), home, machine));
        Path project = Files.createDirectories(tmp.resolve("project"));
        IsolatedGit git = new IsolatedGit(project, home, machine).init();
        git.stage(".pre-commit-config.yaml", "repos:\n"
                + "  - repo: " + tmp.resolve("maml") + "\n"
                + "    rev: " + rev + "\n"
                + "    hooks:\n"
                + "      - id: maml-lint\n");
        git.stage("doc.maml.md", LintCommandTest.UNCLOSED_FENCE);
        git.stage("notes.md", LintCommandTest.UNCLOSED_FENCE);

        Result broken = git.program(FIRST_RUN, "pre-commit", "run", "--all-files");
        assertEquals(1, broken.code(), broken.output());
        assertTrue(broken.output().contains("doc.maml.md:19:1: error MAML040/fence-unclosed"), broken.output());
        assertFalse(broken.output().contains("notes.md"), "only MAML files are linted: " + broken.output());
        try (Stream<Path> cache = Files.walk(tmp.resolve("pre-commit-cache"))) {
            assertTrue(cache.anyMatch(p -> p.endsWith("maml-cli/target/maml.jar")), "the jar was built in pre-commit's clone");
        }

        git.stage("doc.maml.md", LintCommandTest.CLEAN);
        Result clean = git.program(Duration.ofMinutes(2), "pre-commit", "run", "--all-files");
        assertEquals(0, clean.code(), clean.output());
        assertTrue(clean.output().matches("(?s).*maml lint\\.+Passed.*"), clean.output());
    }

    /**
     * A repository holding this source tree as it is now (git's tracked and untracked, not ignored
     * files, with their modes), committed: what the test exercises is this tree, edits included.
     */
    private String commitOfThisTree(IsolatedGit snapshot) throws IOException, InterruptedException {
        Path root = TestData.repositoryRoot();
        Result listed = new IsolatedGit(root, tmp.resolve("home"))
                .git("-c", "safe.directory=" + root, "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        if (listed.code() != 0) {
            RealParts.missing("the source tree is not a git work tree: " + listed.output());
        }
        Path to = tmp.resolve("maml");
        for (String name : listed.output().split("\0")) {
            Path file = root.resolve(name);
            if (!name.isEmpty() && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(to.resolve(name).getParent());
                Files.copy(file, to.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        snapshot.init();
        snapshot.ok("add", "-A");
        snapshot.ok("commit", "-q", "-m", "this tree");
        return snapshot.git("rev-parse", "HEAD").output().strip();
    }

    /** The PATH without its directories that hold a `maml` (a developer's own link, say). */
    private static String pathWithoutMaml(String path) {
        return Arrays.stream(path.split(":")).filter(dir -> !dir.isEmpty() && !Files.isExecutable(Path.of(dir, "maml")))
                .collect(Collectors.joining(":"));
    }

    private static Optional<Path> find(String path, String program) {
        return Arrays.stream(path.split(":")).filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable).findFirst();
    }
}
