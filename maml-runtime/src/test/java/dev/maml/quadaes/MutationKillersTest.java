package dev.maml.quadaes;

import static dev.maml.quadaes.Fixtures.RANDOM;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behaviour that mutation testing (docs/mutation.md) showed no earlier test pinned down: the length
 * a seal reports, a second rotation (the table moves back to slot 0), shares that authenticate but do
 * not rebuild the committed key, and the reasons given for a malformed keyring and a bad nonce.
 */
class MutationKillersTest {

    @TempDir
    Path dir;

    @Test
    void sealReportsThePlaintextLengthOfEveryChunk() throws IOException {
        for (int length : new int[] {0, 1, PayloadCipher.CHUNK_SIZE, 2 * PayloadCipher.CHUNK_SIZE + 3}) {
            SealResult result = new QuadAes(RANDOM).seal(new ByteArrayInputStream(Fixtures.payload(length, length)),
                    new ByteArrayOutputStream(), Keyring.generate(RANDOM), SealOptions.defaults());
            assertEquals(length, result.plaintextBytes());
        }
    }

    /** The second rotation writes slot 0 again and wipes slot 1: the payload after the header stays intact. */
    @Test
    void aSecondRotationMovesTheTableBackToSlotZero() throws IOException {
        byte[] payload = Fixtures.payload(1000, 5);
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path container = Fixtures.sealed(dir, payload, keyring, 3);
        new QuadAes(RANDOM).rotate(container, 1, keyring);
        RotationResult second = new QuadAes(RANDOM).rotate(container, 2, keyring);
        assertEquals(3, second.generation());
        byte[] bytes = Files.readAllBytes(container);
        assertEquals(ContainerHeader.SIZE + payload.length + 16, bytes.length);
        assertEquals(0, ContainerHeader.parse(bytes, "c").tables().get(0).index());
        assertEquals(1, ContainerHeader.parse(bytes, "c").tables().size(), "slot 1 was wiped");
        Path out = dir.resolve("out");
        assertEquals(4, new QuadAes(RANDOM).unseal(container, out, Keyring.load(keyring)).heads().healthyCount());
        assertArrayEquals(payload, Files.readAllBytes(out));
    }

    /**
     * Someone holding every head key wraps shares of another data key: they authenticate, but no
     * three of them rebuild the committed key. Exactly three such shares (head 4 damaged as well) must
     * be reported inconsistent, not healthy, and the container must not open.
     */
    @Test
    void sharesThatAuthenticateButDoNotRebuildTheCommittedKeyAreInconsistent() throws IOException {
        Keyring keyring = Keyring.generate(RANDOM);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        new QuadAes(RANDOM).seal(new ByteArrayInputStream(new byte[10]), sealed, keyring, SealOptions.defaults());
        byte[] bytes = sealed.toByteArray();
        ContainerHeader header = ContainerHeader.parse(bytes, "c");
        HeadTable forged = Heads.wrap(Shares.split(DataKey.derive(RANDOM, new byte[0]), 3, RANDOM), keyring,
                header.preambleBytes(), 1, new Gcm(), RANDOM);
        System.arraycopy(forged.encode(), 0, bytes, Preamble.SIZE, HeadTable.SLOT_SIZE);

        HeadsReport all = Heads.open(ContainerHeader.parse(bytes, "c"), keyring, new Gcm(), "c").report();
        assertEquals(List.of(HeadStatus.State.INCONSISTENT, HeadStatus.State.INCONSISTENT, HeadStatus.State.INCONSISTENT,
                HeadStatus.State.INCONSISTENT), all.heads().stream().map(HeadStatus::state).toList());

        bytes[Preamble.SIZE + 8 + 3 * WrappedShare.SIZE + 30] ^= 1;
        HeadsReport three = Heads.open(ContainerHeader.parse(bytes, "c"), keyring, new Gcm(), "c").report();
        assertEquals(List.of(HeadStatus.State.INCONSISTENT, HeadStatus.State.INCONSISTENT, HeadStatus.State.INCONSISTENT,
                HeadStatus.State.FAILED), three.heads().stream().map(HeadStatus::state).toList());
        ContainerException e = assertThrows(ContainerException.class, () -> new QuadAes(RANDOM)
                .unseal(new ByteArrayInputStream(bytes), new ByteArrayOutputStream(), keyring, "c"));
        assertTrue(e.getMessage().contains("0 of 4 heads usable"), e.getMessage());
    }

    @Test
    void aMalformedKeyringNamesWhatIsWrongWithIt() throws IOException {
        Path file = dir.resolve("k.json");
        Keyring.generate(RANDOM).create(file);
        Files.writeString(file, Files.readString(file).replaceFirst("\"key\" : \"[^\"]*\"", "\"key\" : \"*not base64*\""));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        KeyringException e = assertThrows(KeyringException.class, () -> Keyring.load(file));
        assertTrue(e.getMessage().contains("Illegal base64 character"), e.getMessage());
    }

    @Test
    void aNonceOfTheWrongLengthIsNamedInBits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Gcm()
                .encrypt(DataKey.aes(new byte[32]), new byte[8], new byte[0], new byte[1]));
        assertEquals("AES-GCM nonces here are 96 bits, not 64", e.getMessage());
    }

    @Test
    void chunkNoncesAreThePrefixTheBigEndianCounterAndTheLastFlag() {
        byte[] prefix = {1, 2, 3, 4, 5, 6, 7};
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0, 0}, StreamNonce.of(prefix, 0, false));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 0x0a, 0x0b, 0x0c, 0x0d, 1},
                StreamNonce.of(prefix, 0x0a0b0c0dL, true));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, -1, -1, -1, -1, 0},
                StreamNonce.of(prefix, StreamNonce.MAX_CHUNKS - 1, false));
        assertThrows(IllegalArgumentException.class, () -> StreamNonce.of(prefix, StreamNonce.MAX_CHUNKS, true));
        assertThrows(IllegalArgumentException.class, () -> StreamNonce.of(prefix, -1, true));
        assertThrows(IllegalArgumentException.class, () -> StreamNonce.of(new byte[8], 0, true));
    }

    @Test
    void sealingAFileReportsWhatItSealed() throws IOException {
        Path in = Files.write(dir.resolve("in"), Fixtures.payload(70_000, 9));
        Path out = dir.resolve("in.mqa");
        SealResult result = new QuadAes(RANDOM).seal(in, out, Keyring.generate(RANDOM), SealOptions.defaults().withThreshold(2));
        assertEquals(70_000, result.plaintextBytes());
        assertEquals(2, result.threshold());
        byte[] commitment = ContainerHeader.parse(Files.readAllBytes(out), "c").preamble().commitment();
        assertEquals(HexFormat.of().formatHex(commitment, 0, 8), result.keyId());
    }

    /** Keys must never reach a log or a message through toString. */
    @Test
    void aHeadKeyPrintsItsNumberAndEpochOnly() {
        Keyring keyring = Keyring.generate(RANDOM);
        assertEquals("HeadKey[head=3, epoch=1]", keyring.head(3).toString());
    }
}
