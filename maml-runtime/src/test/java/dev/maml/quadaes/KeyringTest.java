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

    /**
     * The keyring's JSON is read by a streaming parser: hostile shapes (truncated in the middle of
     * "heads", elements or fields of the wrong type, numbers beyond int, content after the object,
     * deep nesting in an unknown field, a top-level array) are each refused with the file's name and
     * one line, never a hang or another exception; unknown fields and another field order still load.
     */
    @Test
    void hostileKeyringJsonIsRefusedAndHarmlessVariationLoads() throws IOException {
        Path good = dir.resolve("k.json");
        Keyring keyring = Keyring.generate(RANDOM);
        keyring.create(good);
        String text = Files.readString(good);
        String heads = text.substring(text.indexOf("\"heads\""), text.lastIndexOf('}'));
        String prefix = "{\"format\":\"maml-quad-aes-keyring\",\"version\":1,\"id\":\"" + keyring.idHex() + "\",";
        String deep = "[".repeat(5000) + "]".repeat(5000);
        for (String bad : new String[] {
                text.substring(0, text.indexOf("\"epoch\"")), // ends inside "heads"
                prefix + "\"heads\":[1,2,3,4]}",
                prefix + "\"heads\":{\"head\":1}}",
                prefix.replace("\"version\":1", "\"version\":\"1\"") + heads + "}",
                prefix.replace("\"version\":1", "\"version\":99999999999") + heads + "}",
                prefix + heads.replace("\"head\" : 2", "\"head\" : \"2\"") + "}",
                text + "{}",
                "[" + text + "]",
                prefix + "\"x\":" + deep + "," + heads + "}",
                ""}) {
            Path file = dir.resolve("bad.json");
            Files.writeString(file, bad);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            KeyringException e = assertThrows(KeyringException.class, () -> Keyring.load(file), bad);
            assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
        Path reordered = dir.resolve("reordered.json");
        Files.writeString(reordered, "{" + heads + ",\"note\":{\"a\":[1,{\"b\":null}]},\"id\":\"" + keyring.idHex()
                + "\",\"version\":1,\"format\":\"maml-quad-aes-keyring\"}");
        Files.setPosixFilePermissions(reordered, PosixFilePermissions.fromString("rw-------"));
        Keyring loaded = Keyring.load(reordered);
        assertEquals(keyring.idHex(), loaded.idHex());
        for (int head = 1; head <= Keyring.HEADS; head++) {
            assertArrayEquals(keyring.head(head).key(), loaded.head(head).key());
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
