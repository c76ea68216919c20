package dev.maml.lsp.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk of workspace/diagnostic stays within its bounds. */
class WorkspaceDiagnosticsTest {

    @Test
    void atMostMaxFilesAndNoFileOverTheSizeLimit(@TempDir Path dir) throws IOException {
        for (int i = 0; i <= WorkspaceDiagnostics.MAX_FILES; i++) {
            Files.writeString(dir.resolve(String.format("f%04d.mu", i)), "");
        }
        Path big = dir.resolve("a-big.maml.md");
        Files.write(big, new byte[(int) WorkspaceDiagnostics.MAX_BYTES + 1]);
        Set<Path> files = WorkspaceDiagnostics.files(List.of(dir, dir.resolve("missing")), () -> { });
        assertEquals(WorkspaceDiagnostics.MAX_FILES, files.size());
        assertFalse(files.contains(big.toAbsolutePath().normalize()), "larger than the limit");
        assertTrue(files.stream().allMatch(p -> p.getFileName().toString().endsWith(".mu")));
    }
}
