package dev.maml.quadaes;

import dev.maml.io.InputFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Regenerates one head of a container: a new head key (epoch + 1) in the keyring, a fresh split of
 * the same data key, all four shares re-wrapped, the payload untouched. Only the header changes, so
 * the time does not depend on the payload size. The new head table goes to the inactive slot and is
 * forced to disk before the old slot is wiped: a crash leaves a complete table, old or new, and
 * readers fall back to the old one when the new one is torn.
 */
final class HeadRotation {

    private final Gcm gcm;
    private final SecureRandom random;

    HeadRotation(Gcm gcm, SecureRandom random) {
        this.gcm = gcm;
        this.random = random;
    }

    RotationResult rotate(Path container, int head, Path keyringFile) throws IOException {
        if (head < 1 || head > Keyring.HEADS) {
            throw new IllegalArgumentException("heads are numbered 1.." + Keyring.HEADS + ", not " + head);
        }
        Keyring keyring = Keyring.load(keyringFile);
        String name = container.toString();
        InputFiles.requireRegular(container); // rotated in place: a FIFO would block, a device is no container
        try (FileChannel channel = FileChannel.open(container, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.lock(); // two rotations of one container wait for each other; released on close
            // Not closed: closing the stream would close the channel, which is still to be written.
            ContainerHeader header = ContainerHeader.read(Channels.newInputStream(channel), name);
            Heads.Opened opened = Heads.open(header, keyring, gcm, name);
            if (opened.dataKey() == null) {
                throw new ContainerException(Heads.notEnough(opened.report(), name));
            }
            // Re-wrapping under an older keyring would bring back head keys that were rotated away.
            for (HeadStatus h : opened.report().heads()) {
                if (h.state() == HeadStatus.State.AHEAD) {
                    throw new ContainerException(name + ": cannot rotate: " + h.describe());
                }
            }
            int current = opened.slot().index();
            int oldEpoch = opened.slot().table().share(head).epoch();
            int keyringEpoch = keyring.head(head).epoch();
            // A keyring head already newer than the container's was itself a fresh key: reuse it, so
            // rotating the other containers of this keyring does not invalidate this one again.
            boolean fresh = oldEpoch == keyringEpoch;
            Keyring next = fresh ? keyring.rotated(head, random) : keyring;
            long generation = header.tables().get(0).table().generation() + 1;
            HeadTable rewrapped = Heads.wrap(Shares.split(opened.dataKey(), header.preamble().threshold(), random),
                    next, header.preambleBytes(), generation, gcm, random);
            // Keyring first: if the container write then fails, the head is merely STALE and a
            // second rotate re-wraps it under the key saved here.
            if (fresh) {
                next.save(keyringFile);
            }
            writeAt(channel, ContainerHeader.slotOffset(1 - current), rewrapped.encode());
            // The file's size and metadata do not change: forcing the data (fdatasync) is enough.
            channel.force(false);
            // Wipe the old table: it holds shares under the old head key.
            writeAt(channel, ContainerHeader.slotOffset(current), new byte[HeadTable.SLOT_SIZE]);
            channel.force(false);
            return new RotationResult(head, oldEpoch, next.head(head).epoch(), fresh, generation, opened.report());
        }
    }

    private static void writeAt(FileChannel channel, long offset, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer, offset + buffer.position());
        }
    }
}
