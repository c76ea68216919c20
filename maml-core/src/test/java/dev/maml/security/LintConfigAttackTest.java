package dev.maml.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.lint.config.ConfigResolver;
import dev.maml.lint.config.LintConfigException;
import dev.maml.testing.ChildProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: a {@code .maml-lint.yaml} from a cloned repository (or a path the language server is
 * told to read) named any file in {@code extends}: {@code /etc/shadow}'s keys came back quoted in
 * the error, {@code /dev/zero} ended in an OutOfMemoryError, a FIFO hung the run. Each case here
 * is one such config; none may read outside the config's tree, read a non-regular or oversized
 * file, or echo the content it read.
 */
class LintConfigAttackTest {

    private static final String SECRET = "s3cr3t-Hunter2";

    @TempDir
    Path repo;

    @TempDir
    Path elsewhere;

    private Path secretFile() throws IOException {
        return Files.writeString(elsewhere.resolve("shadow"), SECRET + ": x\n");
    }

    private String error(String config) throws IOException {
        Path file = Files.writeString(repo.resolve(".maml-lint.yaml"), config);
        LintConfigException e = assertThrows(LintConfigException.class,
                () -> assertTimeoutPreemptively(Duration.ofSeconds(20),
                        () -> ConfigResolver.discovering().forDocument(repo.resolve("doc.maml.md"))));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), "the message quotes the file: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void extendsOfAnAbsolutePathOutsideTheTreeIsRefusedUnread() throws IOException {
        String message = error("extends: " + secretFile() + "\n");
        assertTrue(message.contains("outside " + repo.toRealPath()), message);
    }

    @Test
    void extendsClimbingOutOfTheTreeIsRefused() throws IOException {
        Path nested = Files.createDirectories(elsewhere.resolve("proj"));
        Files.writeString(elsewhere.resolve("base.yaml"), SECRET + ": x\n");
        Path config = Files.writeString(nested.resolve(".maml-lint.yaml"), "extends: ../base.yaml\n");
        LintConfigException e = assertThrows(LintConfigException.class, () -> ConfigResolver.fixed(config).forDocument(nested.resolve("d.maml.md")));
        assertTrue(e.getMessage().contains("outside " + nested.toRealPath()), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void aSymlinkInsideTheTreeToAFileOutsideIsRefused() throws IOException {
        Files.createSymbolicLink(repo.resolve("base.yaml"), secretFile());
        assertTrue(error("extends: base.yaml\n").contains(": outside "));
    }

    @Test
    void aRepositoryMayExtendAcrossItsDirectoriesButNotBeyond() throws Exception {
        Files.createDirectory(repo.resolve(".git"));
        Path sub = Files.createDirectories(repo.resolve("a/b"));
        Files.writeString(repo.resolve("shared.yaml"), "rules:\n  MAML012: off\n");
        Files.writeString(sub.resolve(".maml-lint.yaml"), "extends: ../../shared.yaml\n");
        assertFalse(ConfigResolver.discovering().forDocument(sub.resolve("d.maml.md")).rules().get(dev.maml.diagnostic.RuleId.MAML012).enabled());
        Files.writeString(sub.resolve(".maml-lint.yaml"), "extends: " + secretFile() + "\n");
        LintConfigException e = assertThrows(LintConfigException.class, () -> ConfigResolver.discovering().forDocument(sub.resolve("d.maml.md")));
        assertTrue(e.getMessage().contains("outside " + repo.toRealPath()), e.getMessage());
    }

    @Test
    void deviceNodesAreRefusedNotReadUntilMemoryRunsOut() throws IOException {
        Files.createSymbolicLink(repo.resolve("zero.yaml"), Path.of("/dev/zero"));
        assertTrue(error("extends: zero.yaml\n").contains(": outside "));
        // Inside the tree too: a config named by path (--config, the editor's setting) may be a device.
        Path device = Path.of("/dev/zero");
        LintConfigException e = assertThrows(LintConfigException.class,
                () -> ConfigResolver.fixed(device).forDocument(repo.resolve("d.maml.md")));
        assertEquals("/dev/zero: not a regular file", e.getMessage());
    }

    @Test
    void aFifoIsRefusedInsteadOfHanging() throws Exception {
        ChildProcesses.mkfifo(repo.resolve("pipe.yaml"));
        assertTrue(error("extends: pipe.yaml\n").endsWith(": not a regular file"));
    }

    @Test
    void anOversizedConfigIsRefused() throws IOException {
        Files.writeString(repo.resolve("huge.yaml"), "# padding\n".repeat(200_000));
        assertTrue(error("extends: huge.yaml\n").endsWith(": larger than 1048576 bytes"));
    }

    @Test
    void noMessageQuotesTheConfigsContent() throws IOException {
        error(SECRET + ": 1\n");                           // unknown key
        error("rules:\n  " + SECRET + ": off\n");           // unknown rule
        error("rules:\n  MAML012: " + SECRET + "\n");       // unknown severity
        error("rules: *" + SECRET + "\n");                   // the YAML reader's "unknown alias"
        error("rules: {}\nrules: {}\n" + SECRET + ": [\n");  // a YAML syntax error
        error("ignores:\n  - \"[" + SECRET + "\"\n");      // invalid glob
        error("extends:\n  " + SECRET + ": 1\n");           // extends of the wrong type
    }
}
