package dev.maml.quadaes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Random;

/** Payloads, keyrings and byte surgery on container files for the tests. */
final class Fixtures {

    static final SecureRandom RANDOM = new SecureRandom();

    private Fixtures() {
    }

    static byte[] payload(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static Path keyring(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        Keyring.generate(RANDOM).create(file);
        return file;
    }

    static Path sealed(Path dir, byte[] payload, Path keyring, int threshold) throws IOException {
        Path in = dir.resolve("payload.bin");
        Files.write(in, payload);
        Path out = dir.resolve("payload.bin.mqa");
        new QuadAes(RANDOM).seal(in, out, Keyring.load(keyring), SealOptions.defaults().withThreshold(threshold));
        return out;
    }

    /** Flips one bit of the file at {@code offset}. */
    static void flip(Path file, long offset) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            bytes[Math.toIntExact(offset)] ^= 0x01;
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Offset of the sealed share of {@code head} in the current slot. */
    static long shareOffset(Path container, int head) throws IOException {
        int slot = ContainerHeader.parse(Files.readAllBytes(container), "c").tables().get(0).index();
        return ContainerHeader.slotOffset(slot) + 8 + (long) (head - 1) * WrappedShare.SIZE + 1 + 4 + Gcm.NONCE_BYTES;
    }

    static long chunkOffset(int chunk) {
        return ContainerHeader.SIZE + (long) chunk * PayloadCipher.SEALED_CHUNK;
    }
}
