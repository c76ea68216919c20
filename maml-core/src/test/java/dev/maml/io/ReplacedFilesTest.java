package dev.maml.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.testing.ChildProcesses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AtomicFiles} replacing a large file frees it after the rename ({@link ReplacedFiles}). */
class ReplacedFilesTest {

    @TempDir
    Path dir;

    @Test
    void aLargeFileReplacedIsGoneAfterItsDeletionAndAReaderKeepsTheOldContent() throws Exception {
        Path target = dir.resolve("big.mqa");
        byte[] old = filled((int) ReplacedFiles.LARGE, (byte) 1);
        Files.write(target, old);
        try (InputStream reader = Files.newInputStream(target)) {
            AtomicFiles.write(target, "new".getBytes(), AtomicFiles.OWNER_ONLY);
            ReplacedFiles.awaitDeletions();
            assertEquals("new", Files.readString(target));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
            assertEquals(List.of(target), files(), "the second name of the replaced file was not deleted");
            assertArrayEquals(old, reader.readAllBytes()); // a reader that opened the old file still reads it whole
        }
    }

    @Test
    void theSecondNameIsATempNameTheNextWriteRemovesOnceItsProcessIsGone() throws Exception {
        Path target = dir.resolve("big.mqa");
        Files.write(target, filled((int) ReplacedFiles.LARGE, (byte) 2));
        // as a process killed between its rename and the deletion leaves it
        Path left = ReplacedFiles.keepAside(target, ".big.mqa." + ChildProcesses.deadPid() + ".", ".tmp");
        assertNotNull(left);
        assertTrue(AtomicFiles.isTempName(left.getFileName()));
        AtomicFiles.write(target, "new".getBytes(), AtomicFiles.OWNER_ONLY);
        ReplacedFiles.awaitDeletions();
        assertEquals(List.of(target), files());
    }

    @Test
    void smallFilesAndOtherKindsGetNoSecondName() throws IOException {
        Path small = dir.resolve("receipt.mu");
        Files.write(small, filled((int) ReplacedFiles.LARGE - 1, (byte) 3));
        assertNull(ReplacedFiles.keepAside(small, ".receipt.mu.1.", ".tmp"));
        Path link = dir.resolve("link.mqa");
        Files.write(dir.resolve("big"), filled((int) ReplacedFiles.LARGE, (byte) 4));
        Files.createSymbolicLink(link, dir.resolve("big"));
        assertNull(ReplacedFiles.keepAside(link, ".link.mqa.1.", ".tmp"));
        assertNull(ReplacedFiles.keepAside(dir.resolve("missing"), ".missing.1.", ".tmp"));
        assertEquals(List.of(dir.resolve("big"), link, small), files());
    }

    private static byte[] filled(int size, byte value) {
        byte[] b = new byte[size];
        Arrays.fill(b, value);
        return b;
    }

    private List<Path> files() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
