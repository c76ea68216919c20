package dev.maml.quadaes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.testing.TestData;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container committed in testdata/golden/quadaes (two chunks, threshold 3, sealed by {@code maml seal};
 * its keyring is committed next to it, demo-only: see testdata/golden/README.md). It must keep
 * unsealing to the same bytes, and its header must keep the layout docs/quad-aes.md gives: a change to
 * the layout, the key derivation, the share wrapping or the chunk nonces cannot pass unnoticed.
 */
class GoldenContainerTest {

    static final Path GOLDEN = TestData.root().resolve("golden/quadaes");

    @TempDir
    Path dir;
    Keyring keyring;

    /** Git does not keep the 0600 a keyring needs, so the test loads a private copy. */
    @BeforeEach
    void keyring() throws Exception {
        Path copy = Files.copy(GOLDEN.resolve("golden.keyring.json"), dir.resolve("golden.keyring.json"));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
        keyring = Keyring.load(copy);
    }

    @Test
    void theGoldenContainerUnsealsToTheGoldenPayloadWithAllFourHeads() throws Exception {
        Path out = dir.resolve("golden.txt");
        UnsealResult result = new QuadAes(Fixtures.RANDOM).unseal(GOLDEN.resolve("golden.txt.mqa"), out, keyring);
        assertArrayEquals(Files.readAllBytes(GOLDEN.resolve("golden.txt")), Files.readAllBytes(out));
        assertEquals(65_636, result.plaintextBytes());
        assertEquals(4, result.heads().healthyCount());
        assertEquals(3, result.heads().threshold());
        assertEquals(1, result.heads().generation());
    }

    @Test
    void theGoldenHeaderHasTheDocumentedLayout() throws Exception {
        byte[] c = Files.readAllBytes(GOLDEN.resolve("golden.txt.mqa"));
        assertEquals(608 + 65_636 + 2 * 16, c.length, "608 + n + 16 per chunk");
        assertEquals("MAMLQAES", new String(c, 0, 8, StandardCharsets.US_ASCII));
        assertArrayEquals(new byte[] {1, 3, 4, 0}, Arrays.copyOfRange(c, 8, 12), "version, threshold, heads, reserved");
        assertEquals(65_536, ByteBuffer.wrap(c, 12, 4).getInt());
        assertEquals(keyring.idHex(), HexFormat.of().formatHex(c, 16, 32));
        assertEquals(0, c[39], "reserved");
        ByteBuffer slot0 = ByteBuffer.wrap(c, 72, 268);
        assertEquals(1, slot0.getLong(), "generation of slot 0");
        for (int head = 1; head <= 4; head++) {
            assertEquals(head, slot0.get(), "head number");
            assertEquals(1, slot0.getInt(), "epoch");
            slot0.position(slot0.position() + 12 + 48);
        }
        byte[] slot1 = Arrays.copyOfRange(c, 340, 608);
        assertArrayEquals(new byte[268], slot1, "slot 1 is empty");
        assertEquals("105b1ff4fe0d5604", HexFormat.of().formatHex(c, 40, 48), "key id: the commitment's first 8 bytes");
    }
}
