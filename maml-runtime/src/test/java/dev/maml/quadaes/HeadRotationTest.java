package dev.maml.quadaes;

import static dev.maml.quadaes.Fixtures.RANDOM;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class HeadRotationTest {

    @TempDir
    Path dir;

    @Test
    void rotationRegeneratesACorruptHeadAndLeavesThePayloadAlone() throws IOException {
        byte[] payload = Fixtures.payload(300_000, 1);
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path container = Fixtures.sealed(dir, payload, keyring, 3);
        Fixtures.flip(container, Fixtures.shareOffset(container, 3));
        byte[] before = Files.readAllBytes(container);

        RotationResult result = new QuadAes(RANDOM).rotate(container, 3, keyring);

        assertEquals(HeadStatus.State.FAILED, result.before().heads().get(2).state());
        assertEquals(1, result.oldEpoch());
        assertEquals(2, result.newEpoch());
        assertTrue(result.freshKey());
        assertEquals(2, result.generation());
        assertEquals(2, Keyring.load(keyring).head(3).epoch());
        assertEquals(1, Keyring.load(keyring).head(1).epoch());
        byte[] after = Files.readAllBytes(container);
        assertEquals(before.length, after.length);
        assertTrue(Arrays.equals(before, 0, Preamble.SIZE, after, 0, Preamble.SIZE), "preamble unchanged");
        assertTrue(Arrays.equals(before, ContainerHeader.SIZE, before.length, after, ContainerHeader.SIZE, after.length),
                "payload unchanged");
        // The table moved to slot 1 and slot 0 (old shares under the old head key) is wiped.
        assertArrayEquals(new byte[HeadTable.SLOT_SIZE],
                Arrays.copyOfRange(after, (int) ContainerHeader.slotOffset(0), (int) ContainerHeader.slotOffset(1)));

        HeadsReport now = new QuadAes(RANDOM).check(container, Keyring.load(keyring));
        assertEquals(4, now.healthyCount());
        Path out = dir.resolve("out.bin");
        new QuadAes(RANDOM).unseal(container, out, Keyring.load(keyring));
        assertArrayEquals(payload, Files.readAllBytes(out));
    }

    @Test
    void theOldHeadKeyNoLongerOpensItsShare() throws IOException {
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path container = Fixtures.sealed(dir, Fixtures.payload(1000, 2), keyring, 3);
        String oldJson = Files.readString(keyring);
        new QuadAes(RANDOM).rotate(container, 2, keyring);

        Path old = dir.resolve("old.json");
        Keyring.load(keyring); // the new keyring still loads
        Files.writeString(old, oldJson);
        Files.setPosixFilePermissions(old, Files.getPosixFilePermissions(keyring));
        HeadsReport withOld = new QuadAes(RANDOM).check(container, Keyring.load(old));
        assertEquals(HeadStatus.State.AHEAD, withOld.heads().get(1).state());

        // Even claiming the new epoch, the old key does not authenticate the new share.
        ObjectNode forged = (ObjectNode) Json.MAPPER.readTree(oldJson);
        ((ObjectNode) forged.get("heads").get(1)).put("epoch", 2);
        Files.writeString(old, Json.pretty(forged));
        HeadsReport withForged = new QuadAes(RANDOM).check(container, Keyring.load(old));
        assertEquals(HeadStatus.State.FAILED, withForged.heads().get(1).state());
        assertEquals(3, withForged.healthyCount());
        assertTrue(withForged.recoverable(), "the three other heads still open it");
    }

    @Test
    void anOldSplitCannotBeMixedWithTheNewOne() throws IOException {
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path container = Fixtures.sealed(dir, Fixtures.payload(1000, 3), keyring, 3);
        byte[] generation1 = Files.readAllBytes(container);
        new QuadAes(RANDOM).rotate(container, 4, keyring);
        byte[] generation2 = Files.readAllBytes(container);
        // Copy head 1's entry of the old table (same head key, same epoch) into the new table.
        int entry = 8;
        System.arraycopy(generation1, (int) ContainerHeader.slotOffset(0) + entry,
                generation2, (int) ContainerHeader.slotOffset(1) + entry, WrappedShare.SIZE);
        Files.write(container, generation2);
        HeadsReport report = new QuadAes(RANDOM).check(container, Keyring.load(keyring));
        assertEquals(HeadStatus.State.FAILED, report.heads().get(0).state(), "the generation is in the share's AAD");
        assertTrue(report.recoverable());
    }

    @Test
    void aContainerBehindTheKeyringIsRewrappedUnderTheKeyringsNewerKey() throws IOException {
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path first = Files.move(Fixtures.sealed(dir, Fixtures.payload(1000, 4), keyring, 3), dir.resolve("first.mqa"));
        Path second = Fixtures.sealed(dir, Fixtures.payload(2000, 5), keyring, 3);
        new QuadAes(RANDOM).rotate(first, 1, keyring);

        HeadsReport stale = new QuadAes(RANDOM).check(second, Keyring.load(keyring));
        assertEquals(HeadStatus.State.STALE, stale.heads().get(0).state());
        assertTrue(stale.recoverable());

        RotationResult result = new QuadAes(RANDOM).rotate(second, 1, keyring);
        assertFalse(result.freshKey());
        assertEquals(2, result.newEpoch());
        assertEquals(4, new QuadAes(RANDOM).check(second, Keyring.load(keyring)).healthyCount());
        assertEquals(4, new QuadAes(RANDOM).check(first, Keyring.load(keyring)).healthyCount());
    }

    @Test
    void aTornNewTableFallsBackToTheOldOne() throws IOException {
        byte[] payload = Fixtures.payload(5000, 6);
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path container = Fixtures.sealed(dir, payload, keyring, 3);
        byte[] before = Files.readAllBytes(container);
        new QuadAes(RANDOM).rotate(container, 2, keyring);
        // A crash after half of the new table reached the disk and before the old one was wiped.
        byte[] torn = Files.readAllBytes(container);
        int slot0 = (int) ContainerHeader.slotOffset(0);
        System.arraycopy(before, slot0, torn, slot0, HeadTable.SLOT_SIZE);
        int slot1 = (int) ContainerHeader.slotOffset(1);
        Arrays.fill(torn, slot1 + HeadTable.SLOT_SIZE / 2, slot1 + HeadTable.SLOT_SIZE, (byte) 0);
        Files.write(container, torn);

        Path out = dir.resolve("out.bin");
        UnsealResult result = new QuadAes(RANDOM).unseal(container, out, Keyring.load(keyring));
        assertArrayEquals(payload, Files.readAllBytes(out));
        assertEquals(1, result.heads().generation());
        assertEquals(HeadStatus.State.STALE, result.heads().heads().get(1).state());
        // Rotating again repairs it, reusing the key the interrupted rotation saved.
        assertFalse(new QuadAes(RANDOM).rotate(container, 2, keyring).freshKey());
        assertEquals(4, new QuadAes(RANDOM).check(container, Keyring.load(keyring)).healthyCount());
    }

    @Test
    void bothTablesIntactMeansTheNewerOneCounts() throws IOException {
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path container = Fixtures.sealed(dir, Fixtures.payload(5000, 7), keyring, 3);
        byte[] before = Files.readAllBytes(container);
        new QuadAes(RANDOM).rotate(container, 2, keyring);
        byte[] unwiped = Files.readAllBytes(container);
        int slot0 = (int) ContainerHeader.slotOffset(0);
        System.arraycopy(before, slot0, unwiped, slot0, HeadTable.SLOT_SIZE);
        Files.write(container, unwiped);
        HeadsReport report = new QuadAes(RANDOM).check(container, Keyring.load(keyring));
        assertEquals(2, report.generation());
        assertEquals(4, report.healthyCount());
    }

    @Test
    void rotationNeedsEnoughHeads() throws IOException {
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path container = Fixtures.sealed(dir, Fixtures.payload(10, 8), keyring, 4);
        Fixtures.flip(container, Fixtures.shareOffset(container, 1));
        byte[] before = Files.readAllBytes(container);
        String keyringBefore = Files.readString(keyring);
        ContainerException e = assertThrows(ContainerException.class,
                () -> new QuadAes(RANDOM).rotate(container, 1, keyring));
        assertTrue(e.getMessage().contains("3 of 4 heads usable, 4 needed"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(container));
        assertEquals(keyringBefore, Files.readString(keyring));
    }

    @Test
    void anOldKeyringCopyCannotRotateAnyHead() throws IOException {
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path container = Fixtures.sealed(dir, Fixtures.payload(10, 9), keyring, 3);
        Path old = dir.resolve("old.json");
        Files.copy(keyring, old, StandardCopyOption.COPY_ATTRIBUTES);
        new QuadAes(RANDOM).rotate(container, 3, keyring);
        byte[] before = Files.readAllBytes(container);
        for (int head : new int[] {3, 1}) {
            ContainerException e = assertThrows(ContainerException.class,
                    () -> new QuadAes(RANDOM).rotate(container, head, old));
            assertTrue(e.getMessage().contains("head 3 (epoch 2): wrapped under epoch 2 but the keyring only holds epoch 1"
                    + " (an old copy of the keyring?)"), e.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(container));
    }
}
