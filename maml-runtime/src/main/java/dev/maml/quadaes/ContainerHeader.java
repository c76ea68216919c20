package dev.maml.quadaes;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The header region: the preamble, then two head-table slots. Rotation writes the new table to the
 * slot not in use and then wipes the old one, so after a crash at least one slot holds a complete
 * table; readers try the newest table first and fall back to the other.
 *
 * @param tables the non-empty slots, newest generation first
 */
record ContainerHeader(Preamble preamble, byte[] preambleBytes, List<Slot> tables) {

    static final int SIZE = Preamble.SIZE + 2 * HeadTable.SLOT_SIZE;

    /** A head table and the slot (0 or 1) it was read from. */
    record Slot(int index, HeadTable table) {
    }

    static long slotOffset(int slot) {
        return Preamble.SIZE + (long) slot * HeadTable.SLOT_SIZE;
    }

    /** A new header: the table in slot 0, slot 1 empty. */
    static byte[] encode(byte[] preambleBytes, HeadTable table) {
        byte[] out = new byte[SIZE];
        System.arraycopy(preambleBytes, 0, out, 0, Preamble.SIZE);
        System.arraycopy(table.encode(), 0, out, Preamble.SIZE, HeadTable.SLOT_SIZE);
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
        List<Slot> tables = new ArrayList<>();
        for (int slot = 0; slot < 2; slot++) {
            int from = (int) slotOffset(slot);
            int index = slot;
            HeadTable.decode(Arrays.copyOfRange(bytes, from, from + HeadTable.SLOT_SIZE))
                    .ifPresent(t -> tables.add(new Slot(index, t)));
        }
        if (tables.isEmpty()) {
            throw new ContainerException(name + ": corrupt container header (both head-table slots are empty)");
        }
        tables.sort(Comparator.comparingLong((Slot s) -> s.table().generation()).reversed());
        return new ContainerHeader(preamble, Arrays.copyOf(bytes, Preamble.SIZE), List.copyOf(tables));
    }
}
