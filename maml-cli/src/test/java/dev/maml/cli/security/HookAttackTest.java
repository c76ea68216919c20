package dev.maml.cli.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.cli.LintCommandTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: the pre-commit hook read each staged file with {@code git show :<name>}, a revision
 * that git parses, so a staged file named {@code 0:clean.maml.md} was linted as the blob of
 * {@code clean.maml.md}; and the lint config came from the working tree, so an unstaged or
 * untracked {@code .maml-lint.yaml} decided what the commit was checked with. Each test commits
 * a broken document past the old hook; the hook must refuse every one.
 */
class HookAttackTest {

    static final String CLEAN = LintCommandTest.CLEAN;
    static final String BROKEN = LintCommandTest.UNCLOSED_FENCE;

    @TempDir
    Path repo;

    @TempDir
    Path home;

    IsolatedGit git;

    @BeforeEach
    void install() throws Exception {
        git = IsolatedGit.init(repo, home);
        IsolatedGit.Result installed = git.maml("hook", "install");
        assertEquals(0, installed.code(), installed.output());
    }

    void assertRefused(String what) throws Exception {
        IsolatedGit.Result commit = git.git("commit", "-q", "-m", what);
        assertNotEquals(0, commit.code(), what + ": the commit went through\n" + commit.output());
        assertTrue(commit.output().contains("error MAML040/fence-unclosed"), commit.output());
    }

    @Test
    void aNameThatGitReadsAsARevisionIsLintedAsItself() throws Exception {
        git.stage("clean.maml.md", CLEAN);
        git.ok("commit", "-q", "-m", "clean");
        git.stage("0:clean.maml.md", BROKEN);
        assertRefused("0:clean.maml.md holds the broken text");
    }

    @Test
    void aNameWithALineBreakIsLintedAndPrintedOnOneLine() throws Exception {
        git.stage("a\nb.maml.md", BROKEN);
        IsolatedGit.Result commit = git.git("commit", "-q", "-m", "newline");
        assertNotEquals(0, commit.code(), commit.output());
        assertTrue(commit.output().contains("a\\x0Ab.maml.md:19:1: error MAML040/fence-unclosed"), commit.output());
    }

    @Test
    void anUntrackedConfigDoesNotSwitchTheRulesOff() throws Exception {
        Files.writeString(repo.resolve(".maml-lint.yaml"), "ignores: [\"**/*.maml.md\"]\n");
        git.stage("doc.maml.md", BROKEN);
        assertRefused("the working tree's config ignores the document, the index has none");
    }

    @Test
    void anUnstagedConfigChangeDoesNotCount() throws Exception {
        git.stage(".maml-lint.yaml", "rules:\n  MAML012: off\n");
        git.ok("commit", "-q", "-m", "config");
        Files.writeString(repo.resolve(".maml-lint.yaml"), "rules:\n  MAML040: off\n");
        git.stage("doc.maml.md", BROKEN);
        assertRefused("the working tree's config turns MAML040 off, the staged one does not");
    }

    @Test
    void theStagedConfigAndWhatItExtendsApply() throws Exception {
        git.stage("lint/base.yaml", "rules:\n  MAML040: off\n");
        git.stage("docs/.maml-lint.yaml", "extends: ../lint/base.yaml\n");
        git.stage("docs/doc.maml.md", BROKEN);
        Files.delete(repo.resolve("lint/base.yaml"));
        IsolatedGit.Result commit = git.git("commit", "-q", "-m", "config from the index, deleted from the work tree");
        assertEquals(0, commit.code(), commit.output());
    }

    @Test
    void aStagedSymlinkIsNotLintedAsADocumentAndCannotPullAConfigFromOutside() throws Exception {
        Path outside = Files.writeString(home.resolve("evil.yaml"), "rules:\n  MAML040: off\n");
        Files.createSymbolicLink(repo.resolve(".maml-lint.yaml"), outside);
        git.ok("add", ".maml-lint.yaml");
        git.stage("doc.maml.md", BROKEN);
        IsolatedGit.Result commit = git.git("commit", "-q", "-m", "symlinked config");
        assertNotEquals(0, commit.code(), commit.output());
        assertTrue(commit.output().contains("outside"), commit.output());
    }
}
