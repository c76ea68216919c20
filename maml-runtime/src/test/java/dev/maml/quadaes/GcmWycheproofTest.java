package dev.maml.quadaes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Wycheproof AES-GCM vectors through {@link Gcm}, the class the container uses for chunks and
 * shares. Vectors with a nonce other than 96 bits are not run through the cipher: {@link Gcm} accepts
 * only 96-bit nonces by design (STREAM and share nonces are 96 bits), so for those the test checks
 * that it refuses them. Every group of the file uses 128-bit tags, the only size Gcm produces.
 */
class GcmWycheproofTest {

    private static final HexFormat HEX = HexFormat.of();

    @TestFactory
    Stream<DynamicTest> vectorsWith96BitNoncesAnd128BitTags() throws IOException {
        JsonNode root = Json.MAPPER.readTree(Files.readString(
                TestData.root().resolve("testvectors/wycheproof/testvectors_v1/aes_gcm_test.json")));
        List<DynamicTest> tests = new ArrayList<>();
        int rejected = 0;
        for (JsonNode group : root.get("testGroups")) {
            boolean usable = group.get("ivSize").asInt() == 96 && group.get("tagSize").asInt() == 128;
            for (JsonNode t : group.get("tests")) {
                if (usable) {
                    tests.add(DynamicTest.dynamicTest("tcId " + t.get("tcId").asInt() + " " + t.get("result").asString(),
                            () -> check(t)));
                } else {
                    rejected++;
                    tests.add(DynamicTest.dynamicTest("tcId " + t.get("tcId").asInt() + " nonce of "
                            + group.get("ivSize").asInt() + " bits refused", () -> refused(t)));
                }
            }
        }
        // 197 vectors have 96-bit nonces and are checked; the other 119 (nonces of 0..2056 bits) must be refused.
        assertEquals(119, rejected);
        assertEquals(root.get("numberOfTests").asInt(), tests.size());
        return tests.stream();
    }

    private static void check(JsonNode t) throws AEADBadTagException {
        SecretKeySpec key = new SecretKeySpec(hex(t, "key"), "AES");
        byte[] nonce = hex(t, "iv");
        byte[] aad = hex(t, "aad");
        byte[] msg = hex(t, "msg");
        byte[] sealed = concat(hex(t, "ct"), hex(t, "tag"));
        String result = t.get("result").asString();
        if (result.equals("valid")) {
            assertArrayEquals(sealed, new Gcm().encrypt(key, nonce, aad, msg));
            assertArrayEquals(msg, new Gcm().decrypt(key, nonce, aad, sealed));
        } else {
            assertTrue(result.equals("invalid"), result);
            assertThrows(AEADBadTagException.class, () -> new Gcm().decrypt(key, nonce, aad, sealed));
        }
    }

    private static void refused(JsonNode t) {
        SecretKeySpec key = new SecretKeySpec(hex(t, "key"), "AES");
        byte[] sealed = concat(hex(t, "ct"), hex(t, "tag"));
        assertThrows(IllegalArgumentException.class, () -> new Gcm().decrypt(key, hex(t, "iv"), hex(t, "aad"), sealed));
    }

    private static byte[] hex(JsonNode t, String field) {
        return HEX.parseHex(t.get(field).asString());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
