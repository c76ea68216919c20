package dev.maml.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.maml.sign.KeyFileException;
import dev.maml.sign.KeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 5: a document names its public key file, so an attacker chooses the file's
 * content. A BEGIN line and 2,000 spaces took the former PEM pattern 13 s, 4,000 over 100 s; a key
 * file just under the size bound must be refused at once, and a larger one without being read.
 */
class PemBacktrackingAttackTest {

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";

    @Test
    void aKeyFileOfSpacesAfterBeginIsRefusedAtOnce(@TempDir Path dir) throws Exception {
        Path hostile = dir.resolve("hostile.pub");
        Files.writeString(hostile, BEGIN + " ".repeat(60_000));
        KeyFileException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(KeyFileException.class, () -> KeyFiles.readPublic(hostile)));
        assertEquals(hostile + ": not a PEM key file (expected \"-----BEGIN PUBLIC KEY-----\" or "
                + "\"-----BEGIN PRIVATE KEY-----\"; corrupt or another format)", e.getMessage());
    }

    @Test
    void aKeyFileOverTheBoundIsRefusedUnread(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("huge.pub");
        Files.writeString(huge, BEGIN + " ".repeat(1_000_000));
        KeyFileException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(KeyFileException.class, () -> KeyFiles.readPublic(huge)));
        assertEquals(huge + ": too large for a key file", e.getMessage());
    }
}
