package dev.maml.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesStreamingTest {

    @TempDir
    Path dir;

    @Test
    void streamedContentReplacesTheTargetAndKeepsItsMode() throws IOException {
        Path target = dir.resolve("out.bin");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        byte[] block = new byte[100_000];
        AtomicFiles.write(target, null, out -> {
            for (int i = 0; i < 3; i++) {
                out.write(block);
            }
        });
        assertEquals(300_000, Files.size(target));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of(target), files());
    }

    @Test
    void aFailureMidStreamLeavesTheTargetAndNoTempFile() throws IOException {
        Path target = dir.resolve("out.bin");
        Files.writeString(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, null, out -> {
            out.write(new byte[200_000]);
            throw new IOException("chunk 3 failed");
        }));
        assertEquals("chunk 3 failed", e.getMessage());
        assertArrayEquals("old".getBytes(), Files.readAllBytes(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void aFailureBeforeAnyTargetExistedCreatesNothing() {
        Path target = dir.resolve("new.bin");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, null, out -> {
            throw new IOException("no");
        }));
        assertEquals(List.of(), files());
    }

    private List<Path> files() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
