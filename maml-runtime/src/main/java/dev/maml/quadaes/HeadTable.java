package dev.maml.quadaes;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The mutable part of the header: the four wrapped shares of one Shamir split, with a generation
 * number that rotation increments. Stored in one of two fixed-size slots; a SHA3-256 checksum over
 * the preamble and the slot tells a complete slot from a torn or wiped one (it is not a MAC: the
 * shares authenticate themselves, with the generation in their AAD).
 */
record HeadTable(long generation, List<WrappedShare> shares) {

    static final int SLOT_SIZE = 8 + Keyring.HEADS * WrappedShare.SIZE + 32;

    HeadTable {
        shares = List.copyOf(shares);
        if (shares.size() != Keyring.HEADS) {
            throw new IllegalArgumentException("a head table has " + Keyring.HEADS + " shares");
        }
    }

    WrappedShare share(int head) {
        return shares.get(head - 1);
    }

    byte[] encode(byte[] preamble) {
        ByteBuffer b = ByteBuffer.allocate(SLOT_SIZE);
        b.putLong(generation);
        for (WrappedShare s : shares) {
            b.put((byte) s.head()).putInt(s.epoch()).put(s.nonce()).put(s.sealed());
        }
        b.put(checksum(preamble, b.array(), b.position()));
        return b.array();
    }

    /** The table in a slot, or empty when the slot is wiped, torn or otherwise not intact. */
    static Optional<HeadTable> decode(byte[] preamble, byte[] slot) {
        int body = SLOT_SIZE - 32;
        byte[] expected = checksum(preamble, slot, body);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(slot, body, SLOT_SIZE))) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(slot, 0, body);
        long generation = b.getLong();
        List<WrappedShare> shares = new ArrayList<>();
        for (int i = 1; i <= Keyring.HEADS; i++) {
            int head = Byte.toUnsignedInt(b.get());
            int epoch = b.getInt();
            byte[] nonce = new byte[Gcm.NONCE_BYTES];
            byte[] sealed = new byte[WrappedShare.SEALED_BYTES];
            b.get(nonce).get(sealed);
            if (head != i || epoch < 1) {
                return Optional.empty();
            }
            shares.add(new WrappedShare(head, epoch, nonce, sealed));
        }
        return generation < 1 ? Optional.empty() : Optional.of(new HeadTable(generation, shares));
    }

    /** AAD of a wrapped share: ties it to this container, this split (generation), its head and epoch. */
    static byte[] shareAad(byte[] preamble, long generation, int head, int epoch) {
        return ByteBuffer.allocate(preamble.length + 8 + 1 + 4)
                .put(preamble).putLong(generation).put((byte) head).putInt(epoch).array();
    }

    private static byte[] checksum(byte[] preamble, byte[] slot, int length) {
        try {
            MessageDigest sha3 = MessageDigest.getInstance("SHA3-256");
            sha3.update(preamble);
            sha3.update(slot, 0, length);
            return sha3.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides no SHA3-256", e);
        }
    }
}
