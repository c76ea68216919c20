package dev.maml.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.testing.ChildProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AtomicFiles#create}: a name that is taken, by anything, stays as it was. */
class AtomicFilesCreateTest {

    @TempDir
    Path dir;

    @Test
    void aFreeNameGetsTheContentOwnerOnlyAndNoTempFileRemains() throws IOException {
        Path target = dir.resolve("r.mu");
        AtomicFiles.create(target, bytes("receipt"), AtomicFiles.OWNER_ONLY);
        assertEquals("receipt", Files.readString(target));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of(target), files());
    }

    @Test
    void anExistingFileIsNotReplaced() throws IOException {
        Path target = dir.resolve("r.mu");
        Files.writeString(target, "first");
        assertThrows(FileAlreadyExistsException.class,
                () -> AtomicFiles.create(target, bytes("second"), AtomicFiles.OWNER_ONLY));
        assertEquals("first", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void aLinkOrFifoUnderTheNameIsLeftAloneAndNothingIsWrittenThroughIt() throws Exception {
        Path elsewhere = dir.resolve("elsewhere");
        Files.writeString(elsewhere, "theirs");
        Path link = Files.createSymbolicLink(dir.resolve("link.mu"), elsewhere);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.mu"), dir.resolve("nothing"));
        Path fifo = dir.resolve("fifo.mu");
        ChildProcesses.mkfifo(fifo);
        for (Path target : List.of(link, dangling, fifo)) {
            assertThrows(FileAlreadyExistsException.class,
                    () -> AtomicFiles.create(target, bytes("mine"), AtomicFiles.OWNER_ONLY), target.toString());
        }
        assertEquals("theirs", Files.readString(elsewhere));
        assertTrue(Files.notExists(dir.resolve("nothing"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(dangling));
        assertEquals(List.of(dangling, elsewhere, fifo, link), files());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
