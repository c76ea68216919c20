package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.testing.ChildProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files an attacker or an accident can hand over: readable by others, of another algorithm, huge. */
class KeyFilesTest {

    @TempDir
    Path dir;

    @Test
    void aPrivateKeyOthersCanReadIsRefused() throws Exception {
        Path key = KeyFiles.write(MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom()), dir.resolve("k").toString())[1];
        KeyFiles.readPrivate(key);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.readPrivate(key));
        assertTrue(e.getMessage().startsWith(key.toString()), e.getMessage());
    }

    @Test
    void keysOfAnotherAlgorithmAreNamedAsSuch() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        KeyPair pair = rsa.generateKeyPair();
        KeyFileException pub = assertThrows(KeyFileException.class,
                () -> KeyFiles.decodePublic(pair.getPublic().getEncoded(), "x.pub"));
        assertEquals("x.pub: is an RSA key, not an ML-DSA key", pub.getMessage());
        KeyFileException priv = assertThrows(KeyFileException.class,
                () -> KeyFiles.decodePrivate(pair.getPrivate().getEncoded(), "x.key"));
        assertEquals("x.key: is an RSA key, not an ML-DSA key", priv.getMessage());
    }

    @Test
    void aKeyFileOverSixtyFourKibibytesIsRefusedBeforeItIsRead() throws Exception {
        String pem = KeyFiles.encodePublic(MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom()).getPublic());
        Path atLimit = dir.resolve("limit.pub");
        Files.writeString(atLimit, pem + "\n".repeat(64 * 1024 - pem.length()));
        assertEquals(64 * 1024, Files.size(atLimit));
        KeyFiles.readPublic(atLimit);
        Path over = dir.resolve("over.pub");
        Files.writeString(over, pem + "\n".repeat(64 * 1024 - pem.length() + 1));
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.readPublic(over));
        assertEquals(over + ": too large for a key file", e.getMessage());
    }

    @Test
    void aMissingKeyFileIsNoSuchFileAndAFifoIsNotARegularFile() throws Exception {
        assertThrows(java.nio.file.NoSuchFileException.class, () -> KeyFiles.readPublic(dir.resolve("missing.pub")));
        Path fifo = dir.resolve("fifo.pub");
        ChildProcesses.mkfifo(fifo);
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.readPublic(fifo));
        assertEquals(fifo + ": not a regular file", e.getMessage());
    }

    @Test
    void aPublicKeyReferenceToADirectoryIsRefusedBeforeItIsOpened() throws Exception {
        Files.createDirectories(dir.resolve("keys.pub"));
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> PublicKeyRef.resolve("keys.pub", dir));
        assertEquals(dir.toRealPath().resolve("keys.pub") + ": not a regular file (a directory); only regular files are read",
                e.getMessage());
    }

    @Test
    void onlyAKeyFileEndingInDotKeyHasASiblingReference() throws Exception {
        KeyPair pair = MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom());
        Path[] files = KeyFiles.write(pair, dir.resolve("k").toString());
        assertEquals("k.pub", PublicKeyRef.siblingOf(files[1], pair.getPublic(), dir));
        Path pem = Files.copy(files[1], dir.resolve("k.pem"));
        assertEquals(null, PublicKeyRef.siblingOf(pem, pair.getPublic(), dir));
    }
}
