package dev.maml.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.testing.ChildProcesses;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit on `seal`, `unseal`, `heads` and `receipt create` outputs: `--out` at a symbolic link
 * or a device became a regular file with plaintext; an existing output kept its 0644; a `kill -9`
 * left a partial plaintext `.tmp` for good (spec 10.2a).
 */
@EnabledOnOs(OS.LINUX)
class SealOutputAttackTest {

    @TempDir
    Path dir;
    Path keyring;
    Path plain;
    Path sealed;
    byte[] payload = new byte[100_000];

    @BeforeEach
    void setUp() throws Exception {
        keyring = dir.resolve("k.keyring");
        assertEquals(0, Cli.run("heads", "init", "--keyring", keyring.toString()).exitCode());
        new Random(3).nextBytes(payload);
        plain = Files.write(dir.resolve("data.bin"), payload);
        sealed = dir.resolve("data.bin.mqa");
        assertEquals(0, Cli.run("seal", "--in", plain.toString(), "--out", sealed.toString(), "--keyring",
                keyring.toString()).exitCode());
    }

    private Cli unseal(Path out) {
        return Cli.run("unseal", sealed.toString(), "--out", out.toString(), "--keyring", keyring.toString());
    }

    @Test
    void unsealRefusesToReplaceALinkAndNeverWritesThroughIt() throws Exception {
        Path shared = Files.writeString(dir.resolve("shared-with-others"), "unchanged");
        Path link = Files.createSymbolicLink(dir.resolve("out"), shared);
        unseal(link).failsWith(2, "not a regular file (a symbolic link); refusing to replace it");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("unchanged", Files.readString(shared));
        assertEquals(List.of(), temps());
    }

    @Test
    void unsealAndSealRefuseDevicesAndFifos() throws Exception {
        unseal(Path.of("/dev/null")).failsWith(2, "/dev/null: not a regular file");
        assertTrue(Files.readAttributes(Path.of("/dev/null"), BasicFileAttributes.class).isOther());
        Path fifo = dir.resolve("out.fifo");
        ChildProcesses.mkfifo(fifo);
        unseal(fifo).failsWith(2, "not a regular file");
        Cli.run("seal", "--in", plain.toString(), "--out", fifo.toString(), "--keyring", keyring.toString())
                .failsWith(2, "not a regular file");
        assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class).isOther(), "still a FIFO");
        assertEquals(List.of(), temps());
    }

    @Test
    void headsInitAndReceiptCreateRefuseLinks() throws Exception {
        Path elsewhere = dir.resolve("elsewhere.keyring");
        Path link = Files.createSymbolicLink(dir.resolve("link.keyring"), elsewhere);
        assertEquals(2, Cli.run("heads", "init", "--keyring", link.toString()).exitCode());
        assertFalse(Files.exists(elsewhere), "no keyring created through a dangling link");

        Path doc = Files.copy(dev.maml.testing.TestData.example(), dir.resolve("doc.maml.md"));
        Path victim = Files.writeString(dir.resolve("victim"), "unchanged");
        Path mu = Files.createSymbolicLink(dir.resolve("doc.mu"), victim);
        Cli.run("receipt", "create", doc.toString(), "--out", mu.toString()).failsWith(2, "not a regular file");
        assertEquals("unchanged", Files.readString(victim));
    }

    /** The audit: root unsealed over a 0644 file, which kept its mode, and another user read the plaintext. */
    @Test
    void anExistingOutputEndsUpOwnerOnly() throws Exception {
        Path out = Files.writeString(dir.resolve("out"), "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(0, unseal(out).exitCode());
        assertArrayEquals(payload, Files.readAllBytes(out));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));

        Files.setPosixFilePermissions(sealed, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertEquals(0, Cli.run("seal", "--in", plain.toString(), "--out", sealed.toString(), "--keyring",
                keyring.toString()).exitCode());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sealed)));
    }

    @Test
    void aReceiptWrittenOverAWiderFileEndsUpOwnerOnly() throws Exception {
        Path doc = Files.copy(dev.maml.testing.TestData.example(), dir.resolve("doc.maml.md"));
        Path mu = Files.writeString(dir.resolve("doc.mu"), "old");
        Files.setPosixFilePermissions(mu, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(0, Cli.run("receipt", "create", doc.toString(), "--out", mu.toString()).exitCode());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(mu)));
    }

    /** What a `kill -9` of an earlier unseal left (a real SIGKILL: StaleTempAttackTest in maml-core). */
    @Test
    void theNextUnsealRemovesADeadUnsealsPartialPlaintext() throws Exception {
        // A directory this JVM has not written to yet: AtomicFiles lists a directory for stale temp
        // files once per process, and the next unseal is, in real use, a new process.
        Path fresh = Files.createDirectory(dir.resolve("fresh"));
        Path leftover = Files.write(fresh.resolve(".out." + ChildProcesses.deadPid() + ".123.tmp"), new byte[] {1, 2, 3});
        assertEquals(0, unseal(fresh.resolve("out")).exitCode());
        assertFalse(Files.exists(leftover, LinkOption.NOFOLLOW_LINKS), "the partial plaintext is gone");
        assertEquals(List.of(), temps());
    }

    /** Item 6: a failure the process survives leaves no temp file (and no output). */
    @Test
    void aTamperedContainerLeavesNoTempFileAndNoOutput() throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(sealed.toFile(), "rw")) {
            file.seek(file.length() - 100);
            int b = file.read();
            file.seek(file.length() - 100);
            file.write(b ^ 1);
        }
        Cli tampered = unseal(dir.resolve("out"));
        assertEquals(1, tampered.exitCode(), tampered.err());
        assertFalse(Files.exists(dir.resolve("out")));
        assertEquals(List.of(), temps());

        Files.setPosixFilePermissions(keyring, PosixFilePermissions.fromString("rw-rw----"));
        Cli.run("seal", "--in", plain.toString(), "--out", dir.resolve("new.mqa").toString(), "--keyring",
                keyring.toString()).failsWith(2, "chmod 600");
        assertFalse(Files.exists(dir.resolve("new.mqa")));
        assertEquals(List.of(), temps());
    }

    private List<Path> temps() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
