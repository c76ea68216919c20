package dev.maml.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.io.InputFiles;
import dev.maml.io.RefusedFileException;
import dev.maml.parse.DocumentParser;
import dev.maml.testing.ChildProcesses;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit: a FIFO named as input hung the reader forever; /dev/zero as input ended in an
 * OutOfMemoryError. Inputs are regular files of at most {@link InputFiles#MAX_BYTES}.
 */
@EnabledOnOs(OS.LINUX)
class OversizedInputAttackTest {

    @TempDir
    Path dir;

    @Test
    void aFifoIsRefusedBeforeItCanBlock() throws Exception {
        Path fifo = dir.resolve("doc.maml.md");
        ChildProcesses.mkfifo(fifo);
        RefusedFileException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(RefusedFileException.class, () -> DocumentParser.read(fifo)));
        assertEquals(fifo + ": not a regular file (a FIFO, socket or device); only regular files are read", e.getMessage());
    }

    @Test
    void anEndlessDeviceIsRefused() {
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(RefusedFileException.class, () -> InputFiles.read(Path.of("/dev/zero"))));
    }

    @Test
    void aFileOverTheLimitIsRefusedAndOneAtTheLimitIsRead() throws Exception {
        Path big = dir.resolve("big");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(InputFiles.MAX_BYTES + 1); // sparse: no disk, no time
        }
        RefusedFileException e = assertThrows(RefusedFileException.class, () -> InputFiles.read(big));
        assertTrue(e.getMessage().contains("larger than " + InputFiles.MAX_BYTES + " bytes"), e.getMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, InputFiles.read(Files.write(dir.resolve("small"), new byte[] {1, 2, 3}), 3));
        assertThrows(RefusedFileException.class, () -> InputFiles.read(dir.resolve("small"), 2));
    }

    /** `--stdin < /dev/zero`: standard input is bounded the same way. */
    /**
     * The read is sized from a stat, but the stat's size is never trusted: a file that says less
     * than it holds (a /proc file says 0; a file grows after the stat) is read to its end, and the
     * limit still holds whatever size the caller was told.
     */
    @Test
    void aSizeFromAStatOnlySizesTheBufferNeverTheRead() throws Exception {
        byte[] content = new byte[100];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        Path file = Files.write(dir.resolve("hundred"), content);
        for (long told : new long[] {0, 1, 99, 100, 101, 4096}) {
            assertArrayEquals(content, InputFiles.readRegular(file, told, 100), "told " + told);
            assertThrows(RefusedFileException.class, () -> InputFiles.readRegular(file, told, 99), "told " + told);
        }
        Path proc = Path.of("/proc/self/status");
        assertEquals(0, Files.size(proc), "a file whose stat says 0 bytes");
        assertTrue(new String(InputFiles.read(proc), java.nio.charset.StandardCharsets.US_ASCII).contains("Pid:"));
    }

    @Test
    void anEndlessStandardInputIsCutAtTheLimit() {
        InputStream zeros = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len;
            }
        };
        RefusedFileException e = assertThrows(RefusedFileException.class, () -> InputFiles.read(zeros, "standard input"));
        assertTrue(e.getMessage().startsWith("standard input: larger than"), e.getMessage());
    }
}
