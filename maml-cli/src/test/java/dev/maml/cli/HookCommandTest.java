package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-commit hook with real git in a temporary repository; the hook runs this build's maml. */
class HookCommandTest {

    static final String CLEAN = LintCommandTest.CLEAN;
    static final String BROKEN = LintCommandTest.UNCLOSED_FENCE;

    @TempDir
    Path repo;

    record Result(int code, String output) {
    }

    Result git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        // Only this repository's configuration counts, whatever the machine's.
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    void ok(String... args) throws Exception {
        Result r = git(args);
        assertEquals(0, r.code(), "git " + String.join(" ", args) + ": " + r.output());
    }

    @BeforeEach
    void init() throws Exception {
        ok("init", "-q");
        ok("config", "user.email", "test@example.org");
        ok("config", "user.name", "Test");
        ok("config", "commit.gpgsign", "false");
    }

    Result commit(String file, String content) throws Exception {
        Files.writeString(repo.resolve(file), content);
        ok("add", file);
        return git("commit", "-q", "-m", "change " + file);
    }

    @Test
    void refusesBrokenStagedDocumentsAndAcceptsCleanOnes() throws Exception {
        CliRun install = CliRun.of("hook", "install", "-C", repo.toString());
        assertEquals(0, install.exitCode(), install.err());
        Path hook = repo.resolve(".git/hooks/pre-commit");
        assertTrue(Files.isExecutable(hook));
        assertEquals("maml: installed " + hook + "\n", install.out());

        Result refused = commit("doc.maml.md", BROKEN);
        assertNotEquals(0, refused.code());
        assertTrue(refused.output().contains("doc.maml.md:19:1: error MAML040/fence-unclosed"), refused.output());
        assertTrue(refused.output().contains("maml: commit refused: 1 lint error in staged MAML files"), refused.output());
        assertNotEquals(0, git("rev-parse", "--verify", "-q", "HEAD").code(), "nothing was committed");

        assertEquals(0, commit("doc.maml.md", CLEAN).code());
        assertEquals(0, commit("notes.md", BROKEN).code(), "other files are not linted");
        Files.writeString(repo.resolve(".maml-lint.yaml"), "ignores: [\"drafts/**\"]\n");
        Files.createDirectories(repo.resolve("drafts"));
        assertEquals(0, commit("drafts/wip.maml.md", BROKEN).code(), "ignored by the config");
    }

    @Test
    void anUnstagedFixDoesNotFoolIt() throws Exception {
        assertEquals(0, CliRun.of("hook", "install", "-C", repo.toString()).exitCode());
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
        assertEquals(0, CliRun.of("hook", "install", "-C", repo.resolve("sub").toString()).exitCode());
        assertTrue(Files.isExecutable(repo.resolve("tools/hooks/pre-commit")));
        assertTrue(Files.notExists(repo.resolve(".git/hooks/pre-commit")));
        assertNotEquals(0, commit("doc.maml.md", BROKEN).code());
    }

    @Test
    void neverOverwritesAForeignHookWithoutForce() throws Exception {
        Path hook = repo.resolve(".git/hooks/pre-commit");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\nexit 0\n");
        CliRun refused = CliRun.of("hook", "install", "-C", repo.toString());
        assertEquals(2, refused.exitCode());
        assertEquals("maml: " + hook + " exists and was not installed by maml; use --force to replace it\n", refused.err());
        assertEquals("#!/bin/sh\nexit 0\n", Files.readString(hook));
        assertEquals(0, CliRun.of("hook", "install", "-C", repo.toString(), "--force").exitCode());
        assertTrue(Files.readString(hook).contains(HookInstallCommand.MARKER));
        assertEquals(0, CliRun.of("hook", "install", "-C", repo.toString()).exitCode(), "its own hook it may update");
    }

    @Test
    void outsideARepositoryIsExitTwo() {
        CliRun run = CliRun.of("hook", "install", "-C", repo.resolve("..").resolve("no-such-dir-" + System.nanoTime()).toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("maml: ") && run.err().contains("not inside a git work tree"), run.err());
    }
}
