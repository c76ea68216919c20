package dev.maml.trust;

import dev.maml.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project trust stores the user allowed, as {@code maml trust allow} records them in
 * {@code allowed_stores} of the user's configuration: one line per store, the digest of its
 * contents when it was allowed, a space, and its canonical path. As direnv and mise do, the record
 * binds the exact store to the exact contents the user looked at; any later change makes the record
 * stale until the user allows the store again. The file is written atomically with mode 0600.
 */
public final class AllowedStores {

    private static final Pattern LINE = Pattern.compile("(sha3-256:[0-9a-f]{64}) (/.*)");
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final int MAX_FILE_BYTES = 1 << 20;
    private static final String HEADER = "# Project trust stores allowed with `maml trust allow`: digest of the contents, path.\n"
            + "# A store whose contents no longer match its digest is ignored until allowed again.\n";

    private final Path file;
    private final Map<Path, String> digests;

    private AllowedStores(Path file, Map<Path, String> digests) {
        this.file = file;
        this.digests = digests;
    }

    /** The record of {@code config}; none yet is an empty record. Lines that are not records are ignored. */
    public static AllowedStores load(UserConfig config) throws IOException {
        Path file = config.allowedStores();
        Map<Path, String> digests = new LinkedHashMap<>();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new AllowedStores(file, digests);
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + ": not a regular file");
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException(file + ": larger than " + MAX_FILE_BYTES + " bytes");
        }
        for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                digests.put(Path.of(m.group(2)), m.group(1));
            }
        }
        return new AllowedStores(file, digests);
    }

    /** The digest recorded for {@code store} (a canonical path), or null when it was never allowed. */
    public String digestOf(Path store) {
        return digests.get(store);
    }

    /** Every recorded store and its digest, in the order they were allowed. */
    public Map<Path, String> all() {
        return Map.copyOf(digests);
    }

    public List<Path> stores() {
        return new ArrayList<>(digests.keySet());
    }

    /** Records {@code snapshot}'s store with its digest (replacing an older record) and saves the file. */
    public void allow(StoreSnapshot snapshot) throws IOException {
        String path = snapshot.dir().toString();
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IOException("the store's path holds a control character; move the project to a plainer path");
        }
        digests.remove(snapshot.dir());
        digests.put(snapshot.dir(), snapshot.digest());
        save();
    }

    /** Removes the record of {@code store}; false when there was none. */
    public boolean revoke(Path store) throws IOException {
        if (digests.remove(store) == null) {
            return false;
        }
        save();
        return true;
    }

    private void save() throws IOException {
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)));
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + ": not a regular file; refusing to replace it");
        }
        StringBuilder text = new StringBuilder(HEADER);
        digests.forEach((store, digest) -> text.append(digest).append(' ').append(store).append('\n'));
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8), OWNER_ONLY);
    }
}
