package dev.maml.quadaes;

import com.sun.security.auth.module.UnixSystem;
import dev.maml.io.AtomicFiles;
import dev.maml.io.FailureText;
import dev.maml.io.InputFiles;
import dev.maml.report.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The four head keys (docs/quad-aes.md, "Keyring"). A JSON file of mode 0600 that never travels
 * with the containers; its id, fixed at creation, names it in every container sealed with it.
 */
public final class Keyring {

    public static final int HEADS = 4;
    static final String FORMAT = "maml-quad-aes-keyring";
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** A keyring is about 500 bytes; anything much larger is not one. */
    private static final long MAX_BYTES = 64 * 1024;

    private final byte[] id;
    private final List<HeadKey> heads;

    private Keyring(byte[] id, List<HeadKey> heads) {
        this.id = id.clone();
        this.heads = List.copyOf(heads);
    }

    /** Four fresh head keys at epoch 1. */
    public static Keyring generate(SecureRandom random) {
        byte[] id = new byte[Preamble.ID_BYTES];
        random.nextBytes(id);
        List<HeadKey> heads = new ArrayList<>();
        for (int i = 1; i <= HEADS; i++) {
            heads.add(new HeadKey(i, 1, randomKey(random)));
        }
        return new Keyring(id, heads);
    }

    public HeadKey head(int head) {
        if (head < 1 || head > HEADS) {
            throw new IllegalArgumentException("heads are numbered 1.." + HEADS + ", not " + head);
        }
        return heads.get(head - 1);
    }

    /** This keyring with {@code head} replaced by a fresh key one epoch later. */
    public Keyring rotated(int head, SecureRandom random) {
        List<HeadKey> next = new ArrayList<>(heads);
        next.set(head - 1, new HeadKey(head, head(head).epoch() + 1, randomKey(random)));
        return new Keyring(id, next);
    }

    byte[] id() {
        return id.clone();
    }

    public String idHex() {
        return HexFormat.of().formatHex(id);
    }

    /**
     * Writes a new keyring file, mode 0600, only if the name is free, atomically: it refuses to
     * replace a keyring (that would orphan its containers), even one another process or thread
     * created a moment before.
     *
     * @throws FileAlreadyExistsException when the name is taken
     */
    public void create(Path file) throws IOException {
        try {
            AtomicFiles.create(file, bytes(), AtomicFiles.OWNER_ONLY);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(file.toString(), null,
                    "already exists; a keyring is never overwritten (containers sealed with it would be lost)");
        }
    }

    /** Replaces the keyring file atomically, mode 0600. */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, bytes(), AtomicFiles.OWNER_ONLY);
    }

    private byte[] bytes() {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("id", idHex());
        ArrayNode list = root.putArray("heads");
        for (HeadKey h : heads) {
            list.addObject().put("head", h.head()).put("epoch", h.epoch())
                    .put("key", Base64.getEncoder().encodeToString(h.key()));
        }
        return (Json.pretty(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a keyring, refusing one that another user owns or that group or others may access (as
     * ssh refuses such private keys): whoever can write it can plant head keys they know, and a
     * keyring owned by someone else can be changed by them at any time.
     */
    public static Keyring load(Path file) throws IOException {
        InputFiles.requireRegular(file);
        checkOwner(file);
        checkPrivate(file);
        String text = new String(InputFiles.read(file, MAX_BYTES), StandardCharsets.UTF_8);
        try {
            KeyringFields root = KeyringFields.read(text);
            if (!FORMAT.equals(root.format()) || root.version() != 1) {
                throw new KeyringException(file + ": not a maml quad-aes keyring (format " + FORMAT + " version 1)");
            }
            byte[] id = HexFormat.of().parseHex(root.id());
            List<KeyringFields.Head> list = root.heads();
            if (id.length != Preamble.ID_BYTES || list == null || list.size() != HEADS) {
                throw new KeyringException(file + ": malformed keyring (needs a 16-byte id and " + HEADS + " heads)");
            }
            List<HeadKey> heads = new ArrayList<>();
            for (int i = 1; i <= HEADS; i++) {
                KeyringFields.Head h = list.get(i - 1);
                if (h.head() != i) {
                    throw new KeyringException(file + ": malformed keyring (heads must be listed 1.." + HEADS + ")");
                }
                heads.add(new HeadKey(i, h.epoch(), Base64.getDecoder().decode(h.key())));
            }
            return new Keyring(id, heads);
        } catch (JacksonException | IllegalArgumentException e) {
            String reason = FailureText.of(e).lines().findFirst().orElse("");
            throw new KeyringException(file + ": malformed keyring (" + reason + ")");
        }
    }

    private static void checkOwner(Path file) throws IOException {
        Object uid;
        try {
            uid = Files.getAttribute(file, "unix:uid");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return; // no POSIX owners here (Windows): the file system's ACLs decide
        }
        long caller = new UnixSystem().getUid();
        if (!(uid instanceof Integer owner) || owner.longValue() != caller) {
            throw new KeyringException(file + ": keyring is owned by uid " + uid + ", not by you (uid " + caller
                    + "); only your own keyrings are used");
        }
    }

    private static void checkPrivate(Path file) throws IOException {
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        }
        if (mode.stream().anyMatch(OTHERS::contains)) {
            throw new KeyringException(file + ": keyring is accessible by others (mode "
                    + PosixFilePermissions.toString(mode) + "); run: chmod 600 " + file);
        }
    }

    private static byte[] randomKey(SecureRandom random) {
        byte[] key = new byte[DataKey.BYTES];
        random.nextBytes(key);
        return key;
    }
}
