package dev.maml.quadaes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.testing.ChildProcesses;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 64 MiB payload sealed and unsealed by a separate JVM whose heap (16 MiB) cannot hold it:
 * passes only if both directions stream.
 */
class BoundedMemoryTest {

    private static final int SIZE = 64 * 1024 * 1024;

    @TempDir
    Path dir;

    /** Entry point of the child JVM: {@code seal|unseal IN OUT KEYRING}. */
    public static void main(String[] args) throws IOException {
        QuadAes quadAes = new QuadAes(new SecureRandom());
        Keyring keyring = Keyring.load(Path.of(args[3]));
        if (args[0].equals("seal")) {
            quadAes.seal(Path.of(args[1]), Path.of(args[2]), keyring, SealOptions.defaults());
        } else {
            quadAes.unseal(Path.of(args[1]), Path.of(args[2]), keyring);
        }
    }

    @Test
    void sixtyFourMebibytesStreamThroughASixteenMebibyteHeap() throws Exception {
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path in = dir.resolve("big.bin");
        byte[] expected = writeRandom(in);
        Path container = dir.resolve("big.bin.mqa");
        Path out = dir.resolve("big.out");

        assertEquals(0, child("seal", in, container, keyring));
        assertEquals(ContainerHeader.SIZE + SIZE + (long) SIZE / PayloadCipher.CHUNK_SIZE * Gcm.TAG_BYTES,
                Files.size(container));
        assertEquals(0, child("unseal", container, out, keyring));
        assertArrayEquals(expected, sha256(out));
    }

    private int child(String verb, Path from, Path to, Path keyring) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx16m", "-cp", System.getProperty("java.class.path"),
                BoundedMemoryTest.class.getName(), verb, from.toString(), to.toString(), keyring.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve(verb + ".log").toFile()).start();
        int code = ChildProcesses.waitFor(p, ChildProcesses.TIMEOUT, verb + " in a 16 MiB heap");
        if (code != 0) {
            System.err.println(Files.readString(dir.resolve(verb + ".log")));
        }
        return code;
    }

    private static byte[] writeRandom(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Random random = new Random(64);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < SIZE / block.length; i++) {
                random.nextBytes(block);
                sha.update(block);
                out.write(block);
            }
        }
        return sha.digest();
    }

    private static byte[] sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return sha.digest();
    }
}
