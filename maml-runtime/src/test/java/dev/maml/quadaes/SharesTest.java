package dev.maml.quadaes;

import static dev.maml.quadaes.Fixtures.RANDOM;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharesTest {

    @TempDir
    Path dir;

    @Test
    void anyThresholdOfTheFourSharesRebuildsTheKey() {
        byte[] key = Fixtures.payload(32, 1);
        Map<Integer, byte[]> shares = Shares.split(key, 3, RANDOM);
        for (int missing = 1; missing <= 4; missing++) {
            Map<Integer, byte[]> three = new TreeMap<>(shares);
            three.remove(missing);
            Shares.Recovery r = Shares.recover(three, 3, DataKey.commitment(key));
            assertArrayEquals(key, r.dataKey());
            assertEquals(Set.of(), r.inconsistent());
        }
    }

    @Test
    void fewerThanThresholdSharesRebuildNothing() {
        byte[] key = Fixtures.payload(32, 2);
        Map<Integer, byte[]> two = new TreeMap<>(Shares.split(key, 3, RANDOM));
        two.remove(1);
        two.remove(2);
        assertNull(Shares.recover(two, 3, DataKey.commitment(key)).dataKey());
    }

    @Test
    void aShareFromAnotherSplitIsSingledOutWhereverItSits() {
        byte[] key = Fixtures.payload(32, 3);
        Map<Integer, byte[]> other = Shares.split(key, 3, RANDOM);
        for (int foreign = 1; foreign <= 4; foreign++) {
            Map<Integer, byte[]> shares = new TreeMap<>(Shares.split(key, 3, RANDOM));
            shares.put(foreign, other.get(foreign));
            Shares.Recovery r = Shares.recover(shares, 3, DataKey.commitment(key));
            assertArrayEquals(key, r.dataKey());
            assertEquals(Set.of(foreign), r.inconsistent());
        }
    }

    /** Someone holding head key 2 wraps a share of their choice: it authenticates, yet is caught. */
    @Test
    void aShareForgedWithALeakedHeadKeyIsReportedInconsistent() throws IOException {
        Path keyringFile = Fixtures.keyring(dir, "k.json");
        Keyring keyring = Keyring.load(keyringFile);
        Path container = Fixtures.sealed(dir, Fixtures.payload(1000, 4), keyringFile, 3);
        byte[] bytes = Files.readAllBytes(container);
        ContainerHeader header = ContainerHeader.parse(bytes, "c");
        HeadTable table = header.tables().get(0).table();
        List<WrappedShare> shares = new ArrayList<>(table.shares());
        byte[] nonce = Fixtures.payload(12, 5);
        byte[] aad = HeadTable.shareAad(header.preambleBytes(), table.generation(), 2, 1);
        shares.set(1, new WrappedShare(2, 1, nonce,
                new Gcm().encrypt(keyring.head(2).secretKey(), nonce, aad, Fixtures.payload(32, 6))));
        System.arraycopy(new HeadTable(table.generation(), shares).encode(), 0, bytes,
                (int) ContainerHeader.slotOffset(0), HeadTable.SLOT_SIZE);
        Files.write(container, bytes);

        HeadsReport report = new QuadAes(RANDOM).check(container, keyring);
        assertTrue(report.recoverable());
        assertEquals(HeadStatus.State.INCONSISTENT, report.heads().get(1).state());
        assertEquals(3, report.healthyCount());
    }
}
