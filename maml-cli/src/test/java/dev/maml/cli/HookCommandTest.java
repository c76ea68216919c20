package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import dev.maml.cli.security.IsolatedGit;
import dev.maml.cli.security.IsolatedGit.Result;
import dev.maml.testing.ChildProcesses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-commit hook with real git in a temporary repository; the hook runs this build's maml. */
class HookCommandTest {

    static final String CLEAN = LintCommandTest.CLEAN;
    static final String BROKEN = LintCommandTest.UNCLOSED_FENCE;

    @TempDir
    Path repo;

    /** Only this repository's configuration counts, whatever the machine's (no global config, own HOME). */
    @TempDir
    Path home;

    IsolatedGit isolated;

    Result git(String... args) throws IOException, InterruptedException {
        return isolated.git(args);
    }

    void ok(String... args) throws Exception {
        isolated.ok(args);
    }

    /** `maml hook install` as its own process, in the isolated environment (git runs in it). */
    Result install(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("hook", "install"));
        command.addAll(List.of(args));
        return isolated.maml(command.toArray(String[]::new));
    }

    @BeforeEach
    void init() throws Exception {
        isolated = IsolatedGit.init(repo, home);
    }

    Result commit(String file, String content) throws Exception {
        Files.writeString(repo.resolve(file), content);
        ok("add", file);
        return git("commit", "-q", "-m", "change " + file);
    }

    @Test
    void refusesBrokenStagedDocumentsAndAcceptsCleanOnes() throws Exception {
        Result install = install("-C", repo.toString());
        assertEquals(0, install.code(), install.output());
        Path hook = repo.resolve(".git/hooks/pre-commit");
        assertTrue(Files.isExecutable(hook));
        assertEquals("maml: installed " + hook + "\n", install.output());

        Result refused = commit("doc.maml.md", BROKEN);
        assertNotEquals(0, refused.code());
        assertTrue(refused.output().contains("doc.maml.md:19:1: error MAML040/fence-unclosed"), refused.output());
        assertTrue(refused.output().contains("maml: commit refused: 1 lint error in staged MAML files"), refused.output());
        assertNotEquals(0, git("rev-parse", "--verify", "-q", "HEAD").code(), "nothing was committed");

        assertEquals(0, commit("doc.maml.md", CLEAN).code());
        assertEquals(0, commit("notes.md", BROKEN).code(), "other files are not linted");
        Files.writeString(repo.resolve(".maml-lint.yaml"), "ignores: [\"drafts/**\"]\n");
        ok("add", ".maml-lint.yaml"); // the staged config counts, not the working tree's
        Files.createDirectories(repo.resolve("drafts"));
        assertEquals(0, commit("drafts/wip.maml.md", BROKEN).code(), "ignored by the config");
    }

    @Test
    void anUnstagedFixDoesNotFoolIt() throws Exception {
        assertEquals(0, install("-C", repo.toString()).code());
        Files.writeString(repo.resolve("doc.maml.md"), BROKEN);
        ok("add", "doc.maml.md");
        Files.writeString(repo.resolve("doc.maml.md"), CLEAN);
        Result refused = git("commit", "-q", "-m", "broken in the index");
        assertNotEquals(0, refused.code(), refused.output());
        assertTrue(refused.output().contains("doc.maml.md:19:1: error MAML040"), refused.output());
        // And the other way round: a broken working tree does not block a clean staged version.
        Files.writeString(repo.resolve("doc.maml.md"), CLEAN);
        ok("add", "doc.maml.md");
        Files.writeString(repo.resolve("doc.maml.md"), BROKEN);
        assertEquals(0, git("commit", "-q", "-m", "clean in the index").code());
    }

    @Test
    void honoursCoreHooksPath() throws Exception {
        ok("config", "core.hooksPath", "tools/hooks");
        Files.createDirectories(repo.resolve("sub"));
        assertEquals(0, install("-C", repo.resolve("sub").toString()).code());
        assertTrue(Files.isExecutable(repo.resolve("tools/hooks/pre-commit")));
        assertTrue(Files.notExists(repo.resolve(".git/hooks/pre-commit")));
        assertNotEquals(0, commit("doc.maml.md", BROKEN).code());
    }

    @Test
    void neverOverwritesAForeignHookWithoutForce() throws Exception {
        Path hook = repo.resolve(".git/hooks/pre-commit");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\nexit 0\n");
        Result refused = install("-C", repo.toString());
        assertEquals(2, refused.code());
        assertEquals("maml: " + hook + " exists and was not installed by maml; use --force to replace it\n", refused.output());
        assertEquals("#!/bin/sh\nexit 0\n", Files.readString(hook));
        assertEquals(0, install("-C", repo.toString(), "--force").code());
        assertTrue(Files.readString(hook).contains(HookInstallCommand.MARKER));
        assertEquals(0, install("-C", repo.toString()).code(), "its own hook it may update");
    }

    @Test
    void outsideARepositoryIsExitTwo() throws Exception {
        Result run = install("-C", repo.resolve("..").resolve("no-such-dir-" + System.nanoTime()).toString());
        assertEquals(2, run.code());
        assertTrue(run.output().startsWith("maml: ") && run.output().contains("not inside a git work tree"), run.output());
    }

    /**
     * A developer whose global git configuration sets core.hooksPath (in ~/.gitconfig, in
     * $XDG_CONFIG_HOME/git/config, in the system file, or in the environment) must not get the
     * tests' hook in that directory: the tests' git sees none of it. The developer's machine is
     * stood in by an environment whose HOME is a temporary directory of this test.
     */
    @Test
    void theDevelopersGlobalHooksPathIsNotUsed(@TempDir Path developer) throws Exception {
        Path hooks = Files.createDirectories(developer.resolve("my-hooks"));
        String config = "[core]\n\thooksPath = " + hooks + "\n";
        Files.writeString(developer.resolve(".gitconfig"), config);
        Files.createDirectories(developer.resolve(".config/git"));
        Files.writeString(developer.resolve(".config/git/config"), config);
        Files.writeString(developer.resolve("system-gitconfig"), config);
        Map<String, String> machine = new HashMap<>(System.getenv());
        machine.remove("GIT_CONFIG_GLOBAL");
        machine.remove("GIT_CONFIG_NOSYSTEM");
        machine.putAll(Map.of("HOME", developer.toString(), "XDG_CONFIG_HOME", developer.resolve(".config").toString(),
                "GIT_CONFIG_SYSTEM", developer.resolve("system-gitconfig").toString(),
                "GIT_CONFIG_COUNT", "1", "GIT_CONFIG_KEY_0", "core.hooksPath", "GIT_CONFIG_VALUE_0", hooks.toString()));
        assertEquals(Collections.nCopies(4, hooks.toString()),
                plainGit(machine, "config", "--get-all", "core.hooksPath").lines().toList(),
                "without isolation, git reads core.hooksPath from all four (system, ~/.gitconfig, XDG, environment)");

        isolated = new IsolatedGit(repo, home, machine);
        Result installed = install("-C", repo.toString());
        assertEquals(0, installed.code(), installed.output());
        assertTrue(Files.readString(repo.resolve(".git/hooks/pre-commit")).contains(HookInstallCommand.MARKER));
        try (Stream<Path> mine = Files.list(hooks)) {
            assertEquals(List.of(), mine.toList(), "the developer's hooks directory is untouched");
        }
        assertNotEquals(0, git("config", "--get", "core.hooksPath").code(), "the tests' git sees no core.hooksPath");
    }

    /** git as the machine runs it, without isolation, outside any repository; its stdout. */
    private String plainGit(Map<String, String> machine, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        pb.environment().clear();
        pb.environment().putAll(machine);
        ChildProcesses.Finished finished = ChildProcesses.run(pb, ChildProcesses.TIMEOUT);
        assertEquals(0, finished.code(), finished.output());
        return finished.output().strip();
    }
}
