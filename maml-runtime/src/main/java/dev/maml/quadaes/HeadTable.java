package dev.maml.quadaes;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mutable part of the header: the four wrapped shares of one Shamir split, with a generation
 * number that rotation increments (0 marks an empty slot). There is deliberately no slot-wide
 * checksum: a damaged share must cost only its own head. Each share authenticates itself, with the
 * generation in its AAD, and a torn slot simply fails to rebuild the key, so the other slot is used.
 */
record HeadTable(long generation, List<WrappedShare> shares) {

    static final int SLOT_SIZE = 8 + Keyring.HEADS * WrappedShare.SIZE;

    HeadTable {
        shares = List.copyOf(shares);
        if (shares.size() != Keyring.HEADS) {
            throw new IllegalArgumentException("a head table has " + Keyring.HEADS + " shares");
        }
    }

    /** The entry stored at position {@code head}; its own head byte may disagree when damaged. */
    WrappedShare share(int head) {
        return shares.get(head - 1);
    }

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(SLOT_SIZE);
        b.putLong(generation);
        for (WrappedShare s : shares) {
            b.put((byte) s.head()).putInt(s.epoch()).put(s.nonce()).put(s.sealed());
        }
        return b.array();
    }

    /** The table in a slot, or empty for a wiped slot. */
    static Optional<HeadTable> decode(byte[] slot) {
        ByteBuffer b = ByteBuffer.wrap(slot);
        long generation = b.getLong();
        if (generation == 0) {
            return Optional.empty();
        }
        List<WrappedShare> shares = new ArrayList<>();
        for (int i = 0; i < Keyring.HEADS; i++) {
            int head = Byte.toUnsignedInt(b.get());
            int epoch = b.getInt();
            byte[] nonce = new byte[Gcm.NONCE_BYTES];
            byte[] sealed = new byte[WrappedShare.SEALED_BYTES];
            b.get(nonce).get(sealed);
            shares.add(new WrappedShare(head, epoch, nonce, sealed));
        }
        return Optional.of(new HeadTable(generation, shares));
    }

    /** AAD of a wrapped share: ties it to this container, this split (generation), its head and epoch. */
    static byte[] shareAad(byte[] preamble, long generation, int head, int epoch) {
        return ByteBuffer.allocate(preamble.length + 8 + 1 + 4)
                .put(preamble).putLong(generation).put((byte) head).putInt(epoch).array();
    }
}
