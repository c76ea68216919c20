package dev.maml.sign;

import dev.maml.trust.AllowedStores;
import dev.maml.trust.ProjectStores;
import dev.maml.trust.StoreSnapshot;
import dev.maml.trust.TrustSettings;
import dev.maml.trust.UserConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The public keys a verifier trusts (spec section 8). Trust comes from the verifier, never from the
 * document's surroundings: the files given with {@code --trust}, every {@code *.pub} in the user's
 * store {@code $XDG_CONFIG_HOME/maml/trusted_keys/}, and the keys of a project store
 * {@code .maml/trusted_keys/} above the document only when the user allowed that exact store, with
 * the contents it has now ({@code maml trust allow}). A store that was never allowed is ignored (and
 * named in {@link #advice()}); one whose contents changed since is ignored with a warning. Trust
 * means "this exact key" (SPKI DER equality); a trust store says nothing about who holds the private
 * key or whether it was revoked.
 */
public final class TrustStore {

    public static final TrustStore EMPTY = new TrustStore(Set.of(), List.of(), List.of());

    private final Set<ByteBuffer> keys;
    private final List<String> warnings;
    private final List<Path> notAllowed;

    private TrustStore(Set<ByteBuffer> keys, List<String> warnings, List<Path> notAllowed) {
        this.keys = Set.copyOf(keys);
        this.warnings = List.copyOf(warnings);
        this.notAllowed = List.copyOf(notAllowed);
    }

    /** The standard stores of the environment's user for a document in {@code documentDir}, plus explicit files. */
    public static TrustStore standard(Path documentDir, List<Path> trustFiles) throws IOException {
        return standard(UserConfig.fromEnvironment(), documentDir, trustFiles);
    }

    /** The user's store of {@code config} and what {@code trust} adds for a document in {@code documentDir} (null: none). */
    public static TrustStore standard(UserConfig config, Path documentDir, TrustSettings trust) throws IOException {
        return standard(config, trust.projectStores() ? documentDir : null, trust.keys());
    }

    /**
     * The user's store of {@code config}, the allowed project stores above {@code documentDir} (null:
     * none, e.g. for an editor's untrusted workspace) and {@code trustFiles} (given explicitly, so a
     * bad one is an error).
     */
    public static TrustStore standard(UserConfig config, Path documentDir, List<Path> trustFiles) throws IOException {
        Set<ByteBuffer> keys = new HashSet<>();
        List<String> warnings = new ArrayList<>();
        List<Path> notAllowed = new ArrayList<>();
        addDirectory(config.trustedKeys(), keys, warnings);
        List<Path> stores = documentDir == null ? List.of() : ProjectStores.above(documentDir);
        if (!stores.isEmpty()) {
            AllowedStores allowed;
            try {
                allowed = AllowedStores.load(config);
            } catch (IOException e) {
                warnings.add("allowed trust stores: " + e.getMessage() + "; no project store is trusted");
                allowed = null;
            }
            for (Path store : stores) {
                String digest = allowed == null ? null : allowed.digestOf(store);
                if (digest == null) {
                    notAllowed.add(store);
                } else {
                    addProjectStore(store, digest, keys, warnings);
                }
            }
        }
        for (Path file : trustFiles) {
            keys.add(ByteBuffer.wrap(KeyFiles.readPublic(file).getEncoded()));
        }
        return new TrustStore(keys, warnings, notAllowed);
    }

    /** Keys from {@code *.pub} files in {@code dirs} (as the user's store) and from {@code files}. */
    public static TrustStore of(List<Path> dirs, List<Path> files) throws IOException {
        Set<ByteBuffer> keys = new HashSet<>();
        List<String> warnings = new ArrayList<>();
        for (Path dir : dirs) {
            addDirectory(dir, keys, warnings);
        }
        for (Path file : files) {
            keys.add(ByteBuffer.wrap(KeyFiles.readPublic(file).getEncoded()));
        }
        return new TrustStore(keys, warnings, List.of());
    }

    /** The user's own directory: unreadable key files become warnings, since one bad file must not hide the others. */
    private static void addDirectory(Path dir, Set<ByteBuffer> keys, List<String> warnings) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.pub")) {
            for (Path file : entries) {
                try {
                    keys.add(ByteBuffer.wrap(KeyFiles.readPublic(file).getEncoded()));
                } catch (IOException e) {
                    warnings.add("trust store: " + e.getMessage());
                }
            }
        }
    }

    private static void addProjectStore(Path store, String allowedDigest, Set<ByteBuffer> keys, List<String> warnings) {
        StoreSnapshot snapshot;
        try {
            snapshot = StoreSnapshot.read(store);
        } catch (IOException e) {
            warnings.add("project trust store " + store + " ignored: " + e.getMessage());
            return;
        }
        if (!snapshot.digest().equals(allowedDigest)) {
            warnings.add("project trust store " + store + " changed since it was allowed; ignored until you review it"
                    + " and allow it again (maml trust allow " + store + ")");
            return;
        }
        for (Map.Entry<String, byte[]> file : snapshot.keyFiles().entrySet()) {
            try {
                keys.add(ByteBuffer.wrap(KeyFiles.readPublic(file.getValue(), store.resolve(file.getKey()).toString())
                        .getEncoded()));
            } catch (KeyFileException e) {
                warnings.add("trust store: " + e.getMessage());
            }
        }
    }

    public boolean trusts(PublicKey key) {
        return keys.contains(ByteBuffer.wrap(key.getEncoded()));
    }

    /** Problems met while loading: unreadable key files, project stores changed since they were allowed. */
    public List<String> warnings() {
        return warnings;
    }

    /** Project stores above the document that the user never allowed, nearest first. */
    public List<Path> notAllowed() {
        return notAllowed;
    }

    /** What to tell a user whose key was not trusted: the project stores that were ignored, if any. */
    public String advice() {
        if (notAllowed.isEmpty()) {
            return "";
        }
        return "; the project trust store " + notAllowed.get(0) + " is not allowed (review its keys, then: maml trust allow "
                + notAllowed.get(0) + ")";
    }
}
