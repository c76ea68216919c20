package dev.maml.quadaes;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;

/** Wrapping shares under head keys, and unwrapping them again into a data key. */
final class Heads {

    private Heads() {
    }

    /**
     * The data key once opened, with what each head contributed.
     *
     * @param dataKey null when not recoverable
     * @param slot    the head table used, and where it is stored
     */
    record Opened(HeadsReport report, byte[] dataKey, ContainerHeader.Slot slot) {
    }

    static HeadTable wrap(Map<Integer, byte[]> shares, Keyring keyring, byte[] preambleBytes, long generation,
                          Gcm gcm, SecureRandom random) {
        List<WrappedShare> wrapped = new ArrayList<>();
        for (int head = 1; head <= Keyring.HEADS; head++) {
            HeadKey key = keyring.head(head);
            byte[] nonce = new byte[Gcm.NONCE_BYTES];
            random.nextBytes(nonce);
            byte[] aad = HeadTable.shareAad(preambleBytes, generation, head, key.epoch());
            wrapped.add(new WrappedShare(head, key.epoch(), nonce,
                    gcm.encrypt(key.secretKey(), nonce, aad, shares.get(head))));
        }
        return new HeadTable(generation, wrapped);
    }

    /**
     * Unwraps every head it can and rebuilds the data key, from the newest head table that allows
     * it (an older one is only left after an interrupted rotation).
     *
     * @throws ContainerException when the container was sealed for another keyring
     */
    static Opened open(ContainerHeader header, Keyring keyring, Gcm gcm, String name) throws ContainerException {
        byte[] sealedFor = header.preamble().keyringId();
        if (!Arrays.equals(sealedFor, keyring.id())) {
            throw new ContainerException(name + ": sealed for keyring " + HexFormat.of().formatHex(sealedFor)
                    + ", not for this keyring (" + keyring.idHex() + ")");
        }
        Opened newest = null;
        for (ContainerHeader.Slot slot : header.tables()) {
            Opened opened = open(header, slot, keyring, gcm);
            if (opened.dataKey() != null) {
                return opened;
            }
            newest = newest == null ? opened : newest;
        }
        return newest;
    }

    private static Opened open(ContainerHeader header, ContainerHeader.Slot slot, Keyring keyring, Gcm gcm) {
        HeadTable table = slot.table();
        Map<Integer, byte[]> shares = new TreeMap<>();
        HeadStatus.State[] states = new HeadStatus.State[Keyring.HEADS + 1];
        for (int head = 1; head <= Keyring.HEADS; head++) {
            WrappedShare w = table.share(head);
            HeadKey key = keyring.head(head);
            if (w.head() != head) {
                states[head] = HeadStatus.State.FAILED;
            } else if (w.epoch() < key.epoch()) {
                states[head] = HeadStatus.State.STALE;
            } else if (w.epoch() > key.epoch()) {
                states[head] = HeadStatus.State.AHEAD;
            } else {
                try {
                    byte[] aad = HeadTable.shareAad(header.preambleBytes(), table.generation(), head, w.epoch());
                    shares.put(head, gcm.decrypt(key.secretKey(), w.nonce(), aad, w.sealed()));
                    states[head] = HeadStatus.State.OK;
                } catch (AEADBadTagException e) {
                    states[head] = HeadStatus.State.FAILED;
                }
            }
        }
        int threshold = header.preamble().threshold();
        Shares.Recovery recovery = shares.size() >= threshold
                ? Shares.recover(shares, threshold, header.preamble().commitment())
                : new Shares.Recovery(null, Set.of());
        List<HeadStatus> statuses = new ArrayList<>();
        for (int head = 1; head <= Keyring.HEADS; head++) {
            // With no key rebuilt, shares that authenticated cannot all be genuine.
            boolean disagrees = recovery.inconsistent().contains(head)
                    || recovery.dataKey() == null && shares.size() >= threshold && states[head] == HeadStatus.State.OK;
            HeadStatus.State state = disagrees ? HeadStatus.State.INCONSISTENT : states[head];
            statuses.add(new HeadStatus(head, table.share(head).epoch(), keyring.head(head).epoch(), state));
        }
        HeadsReport report = new HeadsReport(threshold, table.generation(), statuses, recovery.dataKey() != null);
        return new Opened(report, recovery.dataKey(), slot);
    }

    /** The one-line reason a container does not open, listing every head. */
    static String notEnough(HeadsReport report, String name) {
        StringBuilder sb = new StringBuilder(name).append(": cannot rebuild the data key: ")
                .append(report.healthyCount()).append(" of ").append(Keyring.HEADS)
                .append(" heads usable, ").append(report.threshold()).append(" needed");
        for (HeadStatus h : report.unhealthy()) {
            sb.append("; ").append(h.describe());
        }
        return sb.toString();
    }
}
