package dev.maml.quadaes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every byte of a container's header and payload, damaged one at a time (all eight bits flipped, and
 * the lowest bit alone). What each must give (docs/quad-aes.md): a damaged preamble, generation or
 * payload byte is refused with a one-line {@link ContainerException} or {@link NotAContainerException};
 * a damaged byte inside one head's entry of the table in use costs that head only (3 of 4 heads still
 * rebuild the key, and the report names the head); the empty slot is not read unless its generation
 * becomes non-zero, and then the reader falls back to the table in use. Never another exception, never
 * different plaintext. Also every truncation of the header, and out-of-range header fields.
 */
class ContainerTamperTest {

    static final int[] MASKS = {0xFF, 0x01};
    static final int ACTIVE_SLOT = Preamble.SIZE;
    static final int EMPTY_SLOT = Preamble.SIZE + HeadTable.SLOT_SIZE;

    static Keyring keyring;
    static byte[] payload;
    static byte[] container;

    @BeforeAll
    static void seal() throws IOException {
        keyring = Keyring.generate(Fixtures.RANDOM);
        payload = Fixtures.payload(100, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new QuadAes(Fixtures.RANDOM).seal(new ByteArrayInputStream(payload), out, keyring,
                SealOptions.defaults().withThreshold(3));
        container = out.toByteArray();
        assertEquals(ContainerHeader.SIZE + payload.length + 16, container.length);
    }

    /** What unsealing gave: the report when it succeeded, else the exception (never anything else). */
    record Attempt(UnsealResult result, IOException refusal) {
    }

    static Attempt unseal(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            UnsealResult result = new QuadAes(Fixtures.RANDOM).unseal(new ByteArrayInputStream(bytes), out, keyring, "c.mqa");
            assertArrayEquals(payload, out.toByteArray(), "an unseal that succeeds gives the sealed payload");
            return new Attempt(result, null);
        } catch (ContainerException | NotAContainerException e) {
            assertTrue(e.getMessage().startsWith("c.mqa: "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            return new Attempt(null, e);
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }

    static byte[] damaged(int offset, int mask) {
        byte[] copy = container.clone();
        copy[offset] ^= (byte) mask;
        return copy;
    }

    @Test
    void theUndamagedContainerOpensWithAllFourHeads() {
        Attempt a = unseal(container);
        assertEquals(4, a.result().heads().healthyCount());
        assertEquals(1, a.result().heads().generation());
    }

    @Test
    void everyPreambleByteIsRefused() {
        List<String> accepted = new ArrayList<>();
        for (int offset = 0; offset < Preamble.SIZE; offset++) {
            for (int mask : MASKS) {
                if (unseal(damaged(offset, mask)).refusal() == null) {
                    accepted.add(offset + "^" + mask);
                }
            }
        }
        assertEquals(List.of(), accepted);
    }

    @Test
    void everyGenerationByteOfTheTableInUseIsRefused() {
        for (int offset = ACTIVE_SLOT; offset < ACTIVE_SLOT + 8; offset++) {
            for (int mask : MASKS) {
                IOException e = unseal(damaged(offset, mask)).refusal();
                if (e == null) {
                    fail("accepted a changed generation at " + offset);
                }
            }
        }
    }

    @Test
    void everyByteOfOneHeadsEntryCostsThatHeadOnly() {
        for (int head = 1; head <= Keyring.HEADS; head++) {
            int from = ACTIVE_SLOT + 8 + (head - 1) * WrappedShare.SIZE;
            for (int offset = from; offset < from + WrappedShare.SIZE; offset++) {
                for (int mask : MASKS) {
                    Attempt a = unseal(damaged(offset, mask));
                    if (a.result() == null) {
                        fail("head " + head + ", byte " + offset + ": refused (" + a.refusal().getMessage() + ")");
                    }
                    List<HeadStatus> unhealthy = a.result().heads().unhealthy();
                    assertEquals(1, unhealthy.size(), "byte " + offset);
                    assertEquals(head, unhealthy.get(0).head(), "byte " + offset);
                    assertFalse(unhealthy.get(0).healthy());
                }
            }
        }
    }

    @Test
    void twoDamagedHeadsAreRefusedAtThresholdThree() {
        int head1 = ACTIVE_SLOT + 8 + 20;
        int head3 = ACTIVE_SLOT + 8 + 2 * WrappedShare.SIZE + 20;
        byte[] bytes = damaged(head1, 0x01);
        bytes[head3] ^= 0x01;
        IOException e = unseal(bytes).refusal();
        assertTrue(e instanceof ContainerException && e.getMessage().contains("2 of 4 heads usable, 3 needed"),
                String.valueOf(e));
    }

    @Test
    void theEmptySlotIsIgnoredOrFallsBackToTheTableInUse() {
        for (int offset = EMPTY_SLOT; offset < ContainerHeader.SIZE; offset++) {
            for (int mask : MASKS) {
                Attempt a = unseal(damaged(offset, mask));
                if (a.result() == null) {
                    fail("empty-slot byte " + offset + ": refused (" + a.refusal().getMessage() + ")");
                }
                assertEquals(1, a.result().heads().generation(), "the table in use opened the container");
                assertEquals(4, a.result().heads().healthyCount());
            }
        }
    }

    @Test
    void everyPayloadByteIsRefused() {
        for (int offset = ContainerHeader.SIZE; offset < container.length; offset++) {
            for (int mask : MASKS) {
                IOException e = unseal(damaged(offset, mask)).refusal();
                assertTrue(e instanceof ContainerException && e.getMessage().contains("failed authentication"),
                        "payload byte " + offset + ": " + e);
            }
        }
    }

    @Test
    void everyTruncationIsRefusedWithAClearMessage() {
        for (int length = 0; length < container.length; length++) {
            IOException e = unseal(Arrays.copyOf(container, length)).refusal();
            if (e == null) {
                fail("accepted a container cut at " + length);
            }
            if (length < Preamble.MAGIC.length) {
                assertTrue(e instanceof NotAContainerException, length + ": " + e);
            } else if (length < ContainerHeader.SIZE) {
                assertTrue(e.getMessage().contains("truncated container header"), length + ": " + e.getMessage());
            }
        }
    }

    @Test
    void outOfRangeHeaderFieldsAreNamed() {
        assertRefused(9, 1, "threshold 1");
        assertRefused(9, 5, "threshold 5");
        assertRefused(9, 0, "threshold 0");
        assertRefused(10, 3, "heads 3");
        assertRefused(10, 5, "heads 5");
        assertRefused(11, 1, "corrupt container header");
        assertRefused(39, 1, "corrupt container header");
        assertRefused(13, 0, "chunk size 0");
        byte[] version = container.clone();
        version[8] = 2;
        IOException e = unseal(version).refusal();
        assertTrue(e instanceof NotAContainerException && e.getMessage().contains("version 2 is not supported"), String.valueOf(e));
        byte[] empty = container.clone();
        Arrays.fill(empty, ACTIVE_SLOT, ACTIVE_SLOT + 8, (byte) 0);
        assertTrue(unseal(empty).refusal().getMessage().contains("both head-table slots are empty"));
    }

    /** Sets one header byte and expects a refusal whose message contains {@code says}. */
    private static void assertRefused(int offset, int value, String says) {
        byte[] bytes = container.clone();
        bytes[offset] = (byte) value;
        IOException e = unseal(bytes).refusal();
        assertTrue(e instanceof ContainerException && e.getMessage().contains(says), offset + "=" + value + ": " + e);
    }
}
