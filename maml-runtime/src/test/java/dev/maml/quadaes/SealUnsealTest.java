package dev.maml.quadaes;

import static dev.maml.quadaes.Fixtures.RANDOM;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SealUnsealTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65_535, 65_536, 65_537, 3 * 65_536, 200_003})
    void roundTripsAnyLengthWithOneTagPerChunk(int length) throws IOException {
        byte[] payload = Fixtures.payload(length, length);
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path container = Fixtures.sealed(dir, payload, keyring, 3);
        long chunks = Math.max(1, (length + PayloadCipher.CHUNK_SIZE - 1) / PayloadCipher.CHUNK_SIZE);
        assertEquals(ContainerHeader.SIZE + length + chunks * Gcm.TAG_BYTES, Files.size(container));

        Path out = dir.resolve("out.bin");
        UnsealResult result = new QuadAes(RANDOM).unseal(container, out, Keyring.load(keyring));
        assertArrayEquals(payload, Files.readAllBytes(out));
        assertEquals(length, result.plaintextBytes());
        assertEquals(4, result.heads().healthyCount());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void everyThresholdRoundTrips(int threshold) throws IOException {
        byte[] payload = Fixtures.payload(100_000, 7);
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path container = Fixtures.sealed(dir, payload, keyring, threshold);
        Path out = dir.resolve("out.bin");
        UnsealResult result = new QuadAes(RANDOM).unseal(container, out, Keyring.load(keyring));
        assertEquals(threshold, result.heads().threshold());
        assertArrayEquals(payload, Files.readAllBytes(out));
    }

    @Test
    void extraKeyMaterialStillRoundTrips() throws IOException {
        Keyring keyring = Keyring.generate(RANDOM);
        byte[] payload = Fixtures.payload(1000, 1);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        new QuadAes(RANDOM).seal(new ByteArrayInputStream(payload), sealed, keyring,
                SealOptions.defaults().withExtraKeyMaterial(new byte[] {1, 0, 1, 1, 0}));
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        new QuadAes(RANDOM).unseal(new ByteArrayInputStream(sealed.toByteArray()), plain, keyring, "mem");
        assertArrayEquals(payload, plain.toByteArray());
    }

    @Test
    void newOutputFilesAreOwnerOnly() throws IOException {
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path container = Fixtures.sealed(dir, Fixtures.payload(10, 1), keyring, 3);
        Path out = dir.resolve("out.bin");
        new QuadAes(RANDOM).unseal(container, out, Keyring.load(keyring));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(container)));
    }

    @Test
    void oneCorruptShareStillUnsealsAndNamesTheHead() throws IOException {
        byte[] payload = Fixtures.payload(70_000, 3);
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path container = Fixtures.sealed(dir, payload, keyring, 3);
        Fixtures.flip(container, Fixtures.shareOffset(container, 2) + 5);

        Path out = dir.resolve("out.bin");
        UnsealResult result = new QuadAes(RANDOM).unseal(container, out, Keyring.load(keyring));
        assertArrayEquals(payload, Files.readAllBytes(out));
        assertEquals(1, result.heads().unhealthy().size());
        HeadStatus bad = result.heads().unhealthy().get(0);
        assertEquals(2, bad.head());
        assertEquals(HeadStatus.State.FAILED, bad.state());
    }

    @Test
    void twoCorruptSharesFailClearlyWithNoOutput() throws IOException {
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path container = Fixtures.sealed(dir, Fixtures.payload(70_000, 3), keyring, 3);
        Fixtures.flip(container, Fixtures.shareOffset(container, 1));
        Fixtures.flip(container, Fixtures.shareOffset(container, 4) + 47);

        Path out = dir.resolve("out.bin");
        ContainerException e = assertThrows(ContainerException.class,
                () -> new QuadAes(RANDOM).unseal(container, out, Keyring.load(keyring)));
        assertTrue(e.getMessage().contains("2 of 4 heads usable, 3 needed"), e.getMessage());
        assertTrue(e.getMessage().contains("head 1 (epoch 1): wrapped share failed authentication"), e.getMessage());
        assertNoOutput(out);
    }

    @Test
    void thresholdTwoSurvivesTwoCorruptShares() throws IOException {
        byte[] payload = Fixtures.payload(5000, 9);
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path container = Fixtures.sealed(dir, payload, keyring, 2);
        Fixtures.flip(container, Fixtures.shareOffset(container, 1));
        Fixtures.flip(container, Fixtures.shareOffset(container, 3));
        Path out = dir.resolve("out.bin");
        assertEquals(2, new QuadAes(RANDOM).unseal(container, out, Keyring.load(keyring)).heads().unhealthy().size());
        assertArrayEquals(payload, Files.readAllBytes(out));
    }

    @Test
    void truncatedAtAChunkBoundaryFails() throws IOException {
        assertTamperedFails(bytes -> Arrays.copyOf(bytes, (int) Fixtures.chunkOffset(2)));
    }

    @Test
    void truncatedInsideAChunkFails() throws IOException {
        assertTamperedFails(bytes -> Arrays.copyOf(bytes, bytes.length - 100));
    }

    @Test
    void truncatedToTheHeaderFails() throws IOException {
        assertTamperedFails(bytes -> Arrays.copyOf(bytes, ContainerHeader.SIZE));
    }

    @Test
    void reorderedChunksFail() throws IOException {
        assertTamperedFails(bytes -> {
            byte[] out = bytes.clone();
            int a = (int) Fixtures.chunkOffset(0);
            int b = (int) Fixtures.chunkOffset(1);
            System.arraycopy(bytes, a, out, b, PayloadCipher.SEALED_CHUNK);
            System.arraycopy(bytes, b, out, a, PayloadCipher.SEALED_CHUNK);
            return out;
        });
    }

    @Test
    void appendedBytesFail() throws IOException {
        assertTamperedFails(bytes -> Arrays.copyOf(bytes, bytes.length + 16));
    }

    @Test
    void flippedCiphertextBitFails() throws IOException {
        assertTamperedFails(bytes -> {
            byte[] out = bytes.clone();
            out[(int) Fixtures.chunkOffset(1) + 1234] ^= 0x40;
            return out;
        });
    }

    @Test
    void chunkSwappedInFromAnotherContainerOfTheSameKeyringFails() throws IOException {
        Path keyring = Fixtures.keyring(dir, "k.json");
        byte[] payload = Fixtures.payload(4 * PayloadCipher.CHUNK_SIZE + 10, 11);
        Path container = Fixtures.sealed(dir, payload, keyring, 3);
        byte[] first = Files.readAllBytes(container);
        Path other = Fixtures.sealed(dir, payload, keyring, 3);
        byte[] second = Files.readAllBytes(other);
        int at = (int) Fixtures.chunkOffset(1);
        System.arraycopy(second, at, first, at, PayloadCipher.SEALED_CHUNK);
        Files.write(container, first);
        Path out = dir.resolve("out.bin");
        ContainerException e = assertThrows(ContainerException.class,
                () -> new QuadAes(RANDOM).unseal(container, out, Keyring.load(keyring)));
        assertTrue(e.getMessage().contains("payload chunk 1 failed authentication"), e.getMessage());
        assertNoOutput(out);
    }

    @Test
    void failedUnsealLeavesAnExistingOutputUntouched() throws IOException {
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path container = Fixtures.sealed(dir, Fixtures.payload(200_000, 5), keyring, 3);
        Fixtures.flip(container, Fixtures.chunkOffset(3) - 1);
        Path out = dir.resolve("out.bin");
        Files.writeString(out, "previous");
        assertThrows(ContainerException.class, () -> new QuadAes(RANDOM).unseal(container, out, Keyring.load(keyring)));
        assertEquals("previous", Files.readString(out));
    }

    @Test
    void anotherKeyringIsNamedAsSuch() throws IOException {
        Path container = Fixtures.sealed(dir, Fixtures.payload(10, 1), Fixtures.keyring(dir, "a.json"), 3);
        Keyring other = Keyring.load(Fixtures.keyring(dir, "b.json"));
        ContainerException e = assertThrows(ContainerException.class,
                () -> new QuadAes(RANDOM).unseal(container, dir.resolve("out"), other));
        assertTrue(e.getMessage().contains("sealed for keyring"), e.getMessage());
        assertNoOutput(dir.resolve("out"));
    }

    @Test
    void aKeyringWithTheRightIdButWrongKeysOpensNoHead() throws IOException {
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path container = Fixtures.sealed(dir, Fixtures.payload(10, 1), keyring, 3);
        // Same id and epochs, four keys replaced (as if the file had been edited or mixed up).
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree(Files.readString(keyring));
        for (JsonNode head : json.get("heads")) {
            ((ObjectNode) head).put("key", Base64.getEncoder().encodeToString(Fixtures.payload(32, head.get("head").asInt())));
        }
        Files.writeString(keyring, Json.pretty(json));
        HeadsReport report = new QuadAes(RANDOM).check(container, Keyring.load(keyring));
        assertFalse(report.recoverable());
        assertTrue(report.heads().stream().allMatch(h -> h.state() == HeadStatus.State.FAILED));
    }

    @Test
    void notAContainerIsRefusedAsSuch() throws IOException {
        Path file = dir.resolve("plain.txt");
        Files.writeString(file, "hello, not a container");
        Keyring keyring = Keyring.generate(RANDOM);
        assertThrows(NotAContainerException.class, () -> new QuadAes(RANDOM).unseal(file, dir.resolve("o"), keyring));
        assertNoOutput(dir.resolve("o"));
    }

    @Test
    void aFlippedPreambleBitUnwrapsNoHead() throws IOException {
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path container = Fixtures.sealed(dir, Fixtures.payload(10, 1), keyring, 3);
        Fixtures.flip(container, 50);
        ContainerException e = assertThrows(ContainerException.class,
                () -> new QuadAes(RANDOM).unseal(container, dir.resolve("o"), Keyring.load(keyring)));
        // The preamble is in the AAD of every share.
        assertTrue(e.getMessage().contains("0 of 4 heads usable"), e.getMessage());
    }

    private void assertTamperedFails(UnaryOperator<byte[]> tamper) throws IOException {
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path container = Fixtures.sealed(dir, Fixtures.payload(3 * PayloadCipher.CHUNK_SIZE + 500, 42), keyring, 3);
        Files.write(container, tamper.apply(Files.readAllBytes(container)));
        Path out = dir.resolve("out.bin");
        ContainerException e = assertThrows(ContainerException.class,
                () -> new QuadAes(RANDOM).unseal(container, out, Keyring.load(keyring)));
        assertTrue(e.getMessage().contains("failed authentication"), e.getMessage());
        assertNoOutput(out);
    }

    /** Neither the output nor a temp file of it exists. */
    private void assertNoOutput(Path out) throws IOException {
        assertFalse(Files.exists(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }
}
