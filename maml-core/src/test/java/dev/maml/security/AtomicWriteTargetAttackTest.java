package dev.maml.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.io.AtomicFiles;
import dev.maml.io.RefusedFileException;
import dev.maml.testing.ChildProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit: `--out` pointing at a symbolic link or a character device became a regular file with
 * the plaintext (the rename replaced the node), and an existing output kept a foreign mode (0644).
 * An atomic write now replaces only a regular file (spec 10.2a).
 */
@EnabledOnOs(OS.LINUX)
class AtomicWriteTargetAttackTest {

    private static final byte[] PLAINTEXT = "plaintext that must not land here".getBytes();

    @TempDir
    Path dir;

    @Test
    void aSymbolicLinkIsNeitherReplacedNorWrittenThrough() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "unchanged");
        Path link = Files.createSymbolicLink(dir.resolve("out"), victim);
        RefusedFileException e = assertThrows(RefusedFileException.class,
                () -> AtomicFiles.write(link, PLAINTEXT, AtomicFiles.OWNER_ONLY));
        assertEquals(link.toAbsolutePath() + ": not a regular file (a symbolic link); refusing to replace it",
                e.getMessage());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals("unchanged", Files.readString(victim));
        assertEquals(List.of(), temps());
    }

    @Test
    void aDanglingLinkIsRefusedToo() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("out"), dir.resolve("would-be-created"));
        assertThrows(RefusedFileException.class, () -> AtomicFiles.write(link, PLAINTEXT));
        assertFalse(Files.exists(dir.resolve("would-be-created")));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("out.fifo");
        ChildProcesses.mkfifo(fifo);
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(RefusedFileException.class, () -> AtomicFiles.write(fifo, PLAINTEXT)));
        assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class).isOther(), "still a FIFO");
        assertEquals(List.of(), temps());
    }

    /** Run as root on the old code, this replaced the machine's /dev/null with a regular file. */
    @Test
    void aCharacterDeviceIsRefused() throws Exception {
        Path devNull = Path.of("/dev/null");
        RefusedFileException e = assertThrows(RefusedFileException.class,
                () -> AtomicFiles.write(devNull, PLAINTEXT, AtomicFiles.OWNER_ONLY));
        assertTrue(e.getMessage().contains("a FIFO, socket or device"), e.getMessage());
        assertTrue(Files.readAttributes(devNull, BasicFileAttributes.class).isOther(), "/dev/null is still a device");
    }

    @Test
    void aDirectoryIsRefused() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertThrows(RefusedFileException.class, () -> AtomicFiles.write(sub, PLAINTEXT));
        assertTrue(Files.isDirectory(sub));
    }

    @Test
    void anExistingOutputEndsUpOwnerOnlyAndANewOneIsCreatedOwnerOnly() throws Exception {
        Path existing = Files.writeString(dir.resolve("existing"), "old");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFiles.write(existing, PLAINTEXT, AtomicFiles.OWNER_ONLY);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)));

        Path created = dir.resolve("new");
        AtomicFiles.write(created, PLAINTEXT);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(created)),
                "a new file, even without explicit permissions, is owner-only");
    }

    private List<Path> temps() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
