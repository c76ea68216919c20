package dev.maml.quadaes;

import static dev.maml.quadaes.Fixtures.RANDOM;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringTest {

    @TempDir
    Path dir;

    @Test
    void createWritesAnOwnerOnlyFileThatLoadsBack() throws IOException {
        Keyring keyring = Keyring.generate(RANDOM);
        Path file = dir.resolve("k.json");
        keyring.create(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Keyring loaded = Keyring.load(file);
        assertEquals(keyring.idHex(), loaded.idHex());
        for (int head = 1; head <= Keyring.HEADS; head++) {
            assertEquals(1, loaded.head(head).epoch());
            assertArrayEquals(keyring.head(head).key(), loaded.head(head).key());
        }
    }

    @Test
    void createNeverOverwrites() throws IOException {
        Path file = dir.resolve("k.json");
        Keyring.generate(RANDOM).create(file);
        String before = Files.readString(file);
        assertThrows(FileAlreadyExistsException.class, () -> Keyring.generate(RANDOM).create(file));
        assertEquals(before, Files.readString(file));
    }

    @Test
    void aKeyringOthersCanReadIsRefused() throws IOException {
        Path file = dir.resolve("k.json");
        Keyring.generate(RANDOM).create(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        KeyringException e = assertThrows(KeyringException.class, () -> Keyring.load(file));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }

    @Test
    void saveKeepsOwnerOnlyEvenOverAWiderFile() throws IOException {
        Path file = dir.resolve("k.json");
        Files.writeString(file, "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        Keyring.generate(RANDOM).save(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void malformedKeyringsAreRefusedWithTheirName() throws IOException {
        for (String text : new String[] {"not json", "{\"format\":\"other\",\"version\":1}",
                "{\"format\":\"maml-quad-aes-keyring\",\"version\":1,\"id\":\"00\",\"heads\":[]}"}) {
            Path file = dir.resolve("bad.json");
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            KeyringException e = assertThrows(KeyringException.class, () -> Keyring.load(file));
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        }
    }

    @Test
    void rotationChangesOnlyTheRotatedHead() {
        Keyring keyring = Keyring.generate(RANDOM);
        Keyring rotated = keyring.rotated(2, RANDOM);
        assertEquals(2, rotated.head(2).epoch());
        assertFalse(Arrays.equals(keyring.head(2).key(), rotated.head(2).key()));
        for (int head : new int[] {1, 3, 4}) {
            assertEquals(1, rotated.head(head).epoch());
            assertArrayEquals(keyring.head(head).key(), rotated.head(head).key());
        }
        assertEquals(keyring.idHex(), rotated.idHex());
    }
}
