package dev.maml.quadaes;

import static dev.maml.quadaes.Fixtures.RANDOM;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcmWarmUpTest {

    @TempDir
    Path dir;

    /** The warm-up starts in the middle of a payload: it must leave the payload's own cipher untouched. */
    @Test
    void aPayloadPastTheWarmUpPointRoundTrips() throws IOException {
        int length = (int) (GcmWarmUp.AFTER_CHUNKS + 2) * PayloadCipher.CHUNK_SIZE + 5;
        byte[] payload = Fixtures.payload(length, 15);
        Path keyring = Fixtures.keyring(dir, "k.json");
        Path container = Fixtures.sealed(dir, payload, keyring, 3);
        assertTrue(GcmWarmUp.started(), "a payload past the warm-up point warms up");

        Path out = dir.resolve("out.bin");
        new QuadAes(RANDOM).unseal(container, out, Keyring.load(keyring));
        assertArrayEquals(payload, Files.readAllBytes(out));
    }
}
