package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmtCommandTest {

    static final String UNFORMATTED = "---  \nmaml_version: \"2.0.0\" # keep me\n---\t\n## Intent\nFly.\n## Context\nregion: north";
    static final String FORMATTED = "---\nmaml_version: \"2.0.0\" # keep me\n---\n## Intent\n\nFly.\n\n## Context\n\nregion: north\n";

    @TempDir
    Path dir;

    @Test
    void checkReportsWithoutWritingThenFmtWritesAndIsIdempotent() throws IOException {
        Path doc = Files.writeString(dir.resolve("a.maml.md"), UNFORMATTED);
        CliRun check = CliRun.of("fmt", "--check", doc.toString());
        assertEquals(1, check.exitCode(), check.err());
        assertEquals(doc + ": would reformat\n", check.out());
        assertEquals(UNFORMATTED, Files.readString(doc));

        CliRun fmt = CliRun.of("fmt", doc.toString());
        assertEquals(0, fmt.exitCode(), fmt.err());
        assertEquals(FORMATTED, Files.readString(doc));

        CliRun again = CliRun.of("fmt", "--check", doc.toString());
        assertEquals(0, again.exitCode(), again.out());
        assertEquals("", again.out());
    }

    @Test
    void formattingASignedDocumentSaysItMustBeSignedAgain() throws IOException {
        Path doc = Files.writeString(dir.resolve("s.maml.md"),
                "---\nverification:\n  method: ml-dsa-65\n  signature: \"AAAA\"\n---\n## Intent\nx\n## History\n");
        CliRun fmt = CliRun.of("fmt", doc.toString());
        assertEquals(0, fmt.exitCode());
        assertTrue(fmt.err().contains("sign it again"), fmt.err());
    }

    @Test
    void unreadableOrNonUtf8FilesExitTwoAndStayUntouched() throws IOException {
        byte[] latin1 = "---\nid: caf\u00e9\n---\n## Intent\nx".getBytes(StandardCharsets.ISO_8859_1);
        Path bad = Files.write(dir.resolve("latin1.maml.md"), latin1);
        CliRun run = CliRun.of("fmt", bad.toString(), dir.resolve("missing.maml.md").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("not valid UTF-8"), run.err());
        assertTrue(run.err().contains("missing.maml.md: no such file"), run.err());
        assertArrayEquals(latin1, Files.readAllBytes(bad));
    }
}
