package dev.maml.quadaes;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The header region: the preamble, then two head-table slots of which the intact one with the
 * higher generation is current. Rotation writes the other slot, so a crash mid-write leaves the
 * current one readable.
 *
 * @param slot 0 or 1: where {@code table} was read from
 */
record ContainerHeader(Preamble preamble, byte[] preambleBytes, HeadTable table, int slot) {

    static final int SIZE = Preamble.SIZE + 2 * HeadTable.SLOT_SIZE;

    static long slotOffset(int slot) {
        return Preamble.SIZE + (long) slot * HeadTable.SLOT_SIZE;
    }

    /** A new header: the table in slot 0, slot 1 zeroed. */
    static byte[] encode(byte[] preambleBytes, HeadTable table) {
        byte[] out = new byte[SIZE];
        System.arraycopy(preambleBytes, 0, out, 0, Preamble.SIZE);
        System.arraycopy(table.encode(preambleBytes), 0, out, Preamble.SIZE, HeadTable.SLOT_SIZE);
        return out;
    }

    static ContainerHeader read(InputStream in, String name) throws IOException {
        return parse(in.readNBytes(SIZE), name);
    }

    static ContainerHeader parse(byte[] bytes, String name) throws IOException {
        Preamble preamble = Preamble.decode(bytes, name);
        if (bytes.length < SIZE) {
            throw new ContainerException(name + ": truncated container header");
        }
        byte[] preambleBytes = Arrays.copyOf(bytes, Preamble.SIZE);
        Optional<HeadTable> a = HeadTable.decode(preambleBytes, slot(bytes, 0));
        Optional<HeadTable> b = HeadTable.decode(preambleBytes, slot(bytes, 1));
        if (a.isEmpty() && b.isEmpty()) {
            throw new ContainerException(name + ": corrupt container header (no intact head table)");
        }
        boolean second = b.isPresent() && (a.isEmpty() || b.get().generation() > a.get().generation());
        return new ContainerHeader(preamble, preambleBytes, second ? b.get() : a.get(), second ? 1 : 0);
    }

    private static byte[] slot(byte[] header, int slot) {
        int from = (int) slotOffset(slot);
        return Arrays.copyOfRange(header, from, from + HeadTable.SLOT_SIZE);
    }
}
