package dev.maml.lsp.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The secret a {@code --socket} client must present: 256 random bits, new for every server, so
 * that another local user, who can reach a loopback port but not the owner's files, cannot drive
 * the server. It travels in a file only its owner can read, as Jupyter's connection files do.
 */
public final class SessionSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] text;

    private SessionSecret(byte[] text) {
        this.text = text;
    }

    public static SessionSecret random() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return new SessionSecret(Base64.getUrlEncoder().withoutPadding().encode(bits));
    }

    /** In constant time, so the answer's timing does not give the secret away byte by byte. */
    public boolean matches(String presented) {
        return MessageDigest.isEqual(text, presented.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the secret (and a line break) to a new file, owner read/write only from the moment it
     * exists. An existing path, a symbolic link included, is refused, never replaced or followed.
     */
    public void writeNew(Path file) throws IOException {
        try (SeekableByteChannel out = Files.newByteChannel(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            ByteBuffer bytes = ByteBuffer.allocate(text.length + 1).put(text).put((byte) '\n').flip();
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        }
    }
}
