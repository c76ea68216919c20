package dev.maml.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.testing.ChildProcesses;
import dev.maml.testing.TestData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit: a FIFO named on the command line hung `lint` (and every command that reads a file);
 * `receipt verify --source /dev/zero` ended in an OutOfMemoryError stack trace. Every command reads
 * its inputs through one bounded, regular-file-only reader and fails with one line and exit 2.
 */
@EnabledOnOs(OS.LINUX)
class FileArgumentAttackTest {

    private static final String NOT_REGULAR = "not a regular file";

    @TempDir
    Path dir;
    Path fifo;
    Path doc;

    @BeforeEach
    void setUp() throws Exception {
        fifo = dir.resolve("evil.maml.md");
        ChildProcesses.mkfifo(fifo);
        doc = dir.resolve("doc.maml.md");
        Files.copy(TestData.example(), doc);
    }

    @Test
    void aFifoNamedOnTheCommandLineFailsEveryReadingCommandAtOnce() {
        String f = fifo.toString();
        Cli.run("lint", f).failsWith(2, f + ": " + NOT_REGULAR);
        Cli.run("parse", f).failsWith(2, NOT_REGULAR);
        Cli.run("verify", f).failsWith(2, NOT_REGULAR);
        Cli.run("fmt", f).failsWith(2, NOT_REGULAR);
        Cli.run("receipt", "verify", f).failsWith(2, NOT_REGULAR);
        Cli.run("run", doc.toString(), "--input", f).failsWith(2, NOT_REGULAR);
        Cli.run("seal", "--in", f, "--out", dir.resolve("x.mqa").toString(), "--keyring", keyring().toString())
                .failsWith(2, NOT_REGULAR);
        Cli.run("unseal", f, "--out", dir.resolve("x").toString(), "--keyring", keyring().toString())
                .failsWith(2, NOT_REGULAR);
        Cli.run("heads", "check", f, "--keyring", keyring().toString()).failsWith(2, NOT_REGULAR);
        Cli.run("heads", "rotate", f, "--head", "1", "--keyring", keyring().toString()).failsWith(2, NOT_REGULAR);
    }

    @Test
    void anEndlessDeviceAsSourceOrInputEndsWithOneLineNotOutOfMemory() throws Exception {
        assertEquals(0, Cli.run("receipt", "create", doc.toString()).exitCode());
        Path receipt = dir.resolve("doc.mu");
        Cli.run("receipt", "verify", receipt.toString(), "--source", "/dev/zero").failsWith(2, "/dev/zero: " + NOT_REGULAR);
        Cli.run("receipt", "verify", receipt.toString(), "--source", fifo.toString()).failsWith(2, NOT_REGULAR);
        Cli.run("run", doc.toString(), "--input", "/dev/zero").failsWith(2, "/dev/zero: " + NOT_REGULAR);
        Cli.run("lint", "/dev/zero").failsWith(2, NOT_REGULAR);
    }

    @Test
    void anEndlessStandardInputIsCutAtTheLimit() {
        Cli.withStdin(endless(), "lint", "--stdin").failsWith(2, "standard input: larger than 33554432 bytes");
    }

    private Path keyring() {
        Path k = dir.resolve("k.keyring");
        if (!Files.exists(k)) {
            assertEquals(0, Cli.run("heads", "init", "--keyring", k.toString()).exitCode());
        }
        return k;
    }

    private static InputStream endless() {
        return new InputStream() {
            @Override
            public int read() {
                return '#';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) '#');
                return len;
            }
        };
    }
}
