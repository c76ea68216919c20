package dev.maml.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.cli.security.IsolatedGit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GitIgnores} says of every file what real git says ({@code git ls-files --others --ignored --exclude-standard}). */
class GitIgnoresTest {

    @TempDir
    Path tmp;

    private static final List<String> FILES = List.of(
            "a.log", "keep.log", "sub/a.log", "sub/keep.log", "sub/again.log",
            "root-only.md", "sub/root-only.md",
            "build/x.md", "sub/build/y.md", "build.md", "sub/file-called-build/build",
            "doc/gen/z.md", "doc/a/b/gen/z.md", "doc/gen.md",
            "x/deep/y.md", "deep/y.md",
            "a.txt", "b.txt", "d.txt",
            "#hash", "trailing", "spaced ",
            "out/kept.md", "out/sub/kept.md",
            "local/secret.md", "local/public.md",
            "nested/.git-not/x.md", "w/a/b/c.md", "w/a/c.md",
            "anchored/sub/z.md", "sub/anchored/sub/z.md");

    @Test
    void agreesWithGit() throws IOException, InterruptedException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        IsolatedGit git = IsolatedGit.init(repo, tmp.resolve("home"));
        for (String file : FILES) {
            Files.createDirectories(repo.resolve(file).getParent());
            Files.writeString(repo.resolve(file), "x\n");
        }
        Files.writeString(repo.resolve(".gitignore"), String.join("\n",
                "# a comment", "*.log", "!keep.log", "/root-only.md", "build/", "doc/**/gen", "**/deep",
                "[ab].txt", "\\#hash", "trailing   ", "spaced\\ ", "out/", "!out/kept.md", "w/**/c.md",
                "anchored/sub", "") + "\n");
        Files.writeString(repo.resolve("sub/.gitignore"), "!again.log\n");
        Files.writeString(repo.resolve("local/.gitignore"), "*.md\n!public.md\n");
        Files.writeString(repo.resolve(".git/info/exclude"), "secret.md\nd.txt\n!a.txt\n");

        Set<String> expected = new TreeSet<>(git.git("ls-files", "--others", "--ignored", "--exclude-standard").output().lines().toList());
        GitIgnores ignores = new GitIgnores();
        Set<String> actual;
        try (Stream<Path> all = Files.walk(repo)) {
            actual = all.filter(Files::isRegularFile).filter(f -> !f.startsWith(repo.resolve(".git")))
                    .filter(f -> ignores.ignored(f.toAbsolutePath().normalize(), false))
                    .map(f -> repo.relativize(f).toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertTrue(expected.contains("out/kept.md"), "git: nothing below an ignored directory comes back " + expected);
        assertFalse(expected.contains("sub/again.log"), "git: a deeper .gitignore overrides " + expected);
        assertEquals(expected, actual);
    }

    @Test
    void aLinkedWorktreeReadsTheSharedExclude() throws IOException, InterruptedException {
        Path repo = Files.createDirectories(tmp.resolve("main"));
        IsolatedGit git = IsolatedGit.init(repo, tmp.resolve("home"));
        git.stage("README.md", "x\n");
        git.ok("commit", "-q", "-m", "init");
        Files.writeString(repo.resolve(".git/info/exclude"), "*.wip\n");
        Path linked = tmp.resolve("linked");
        git.ok("worktree", "add", "-q", linked.toString());
        Files.writeString(linked.resolve("draft.wip"), "x\n");
        assertEquals("draft.wip", new IsolatedGit(linked, tmp.resolve("home"))
                .git("ls-files", "--others", "--ignored", "--exclude-standard").output().strip());
        assertTrue(new GitIgnores().ignored(linked.resolve("draft.wip").toAbsolutePath().normalize(), false));
    }

    @Test
    void outsideAWorkTreeNothingIsIgnored() throws IOException {
        Files.writeString(tmp.resolve(".gitignore"), "*\n");
        Files.writeString(tmp.resolve("a.md"), "x\n");
        assertFalse(new GitIgnores().ignored(tmp.resolve("a.md").toAbsolutePath().normalize(), false));
    }
}
