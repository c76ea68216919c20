package dev.maml.quadaes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class StreamNonceProperties {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Keyring KEYRING = Keyring.generate(RANDOM);

    @Property
    void distinctChunkPositionsGetDistinctNonces(@ForAll @Size(7) byte[] prefix,
                                                 @ForAll @LongRange(max = 0xFFFF_FFFFL) long counterA, @ForAll boolean lastA,
                                                 @ForAll @LongRange(max = 0xFFFF_FFFFL) long counterB, @ForAll boolean lastB) {
        boolean samePosition = counterA == counterB && lastA == lastB;
        assertEquals(samePosition,
                Arrays.equals(StreamNonce.of(prefix, counterA, lastA), StreamNonce.of(prefix, counterB, lastB)));
    }

    /**
     * Every chunk of a real container authenticates under the nonce of its own position and no
     * other: chunk i under (prefix, i, i == last) — so no nonce repeats within a container.
     */
    @Property(tries = 60)
    void eachChunkOfASealedStreamUsesItsOwnNonce(@ForAll @IntRange(max = 6 * PayloadCipher.CHUNK_SIZE + 3) int length)
            throws IOException {
        byte[] container = seal(new byte[length]);
        ContainerHeader header = ContainerHeader.parse(container, "c");
        byte[] key = Heads.open(header, KEYRING, new Gcm(), "c").dataKey();
        int chunks = (container.length - ContainerHeader.SIZE + PayloadCipher.SEALED_CHUNK - 1) / PayloadCipher.SEALED_CHUNK;
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < chunks; i++) {
            int from = ContainerHeader.SIZE + i * PayloadCipher.SEALED_CHUNK;
            int len = Math.min(PayloadCipher.SEALED_CHUNK, container.length - from);
            boolean last = i == chunks - 1;
            byte[] nonce = StreamNonce.of(header.preamble().noncePrefix(), i, last);
            assertTrue(opens(key, nonce, header.preambleBytes(), container, from, len), "chunk " + i);
            assertFalse(opens(key, StreamNonce.of(header.preamble().noncePrefix(), i, !last),
                    header.preambleBytes(), container, from, len), "chunk " + i + " with the other flag");
            assertTrue(nonces.add(HexFormat.of().formatHex(nonce)));
        }
    }

    /** Two seals never share a data key, a nonce prefix or a share-wrapping nonce. */
    @Property(tries = 50)
    void twoSealsShareNoKeyAndNoNonce(@ForAll @IntRange(max = 70_000) int length) throws IOException {
        ContainerHeader a = ContainerHeader.parse(seal(new byte[length]), "a");
        ContainerHeader b = ContainerHeader.parse(seal(new byte[length]), "b");
        assertFalse(Arrays.equals(a.preamble().commitment(), b.preamble().commitment()));
        assertFalse(Arrays.equals(a.preamble().noncePrefix(), b.preamble().noncePrefix()));
        Set<String> wrapNonces = new HashSet<>();
        for (ContainerHeader h : new ContainerHeader[] {a, b}) {
            for (WrappedShare s : h.tables().get(0).table().shares()) {
                assertTrue(wrapNonces.add(HexFormat.of().formatHex(s.nonce())));
            }
        }
    }

    private static byte[] seal(byte[] payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new QuadAes(RANDOM).seal(new ByteArrayInputStream(payload), out, KEYRING, SealOptions.defaults());
        return out.toByteArray();
    }

    private static boolean opens(byte[] key, byte[] nonce, byte[] aad, byte[] in, int from, int len) {
        try {
            new Gcm().decrypt(DataKey.aes(key), nonce, aad, in, from, len, new byte[len], 0);
            return true;
        } catch (AEADBadTagException e) {
            return false;
        }
    }
}
