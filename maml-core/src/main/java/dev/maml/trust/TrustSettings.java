package dev.maml.trust;

import java.nio.file.Path;
import java.util.List;

/**
 * Which keys a verifier trusts besides the user's own store: {@code keys}, public key files given by
 * the front end ({@code --trust}, an editor's {@code trust} setting; relative ones from the current
 * directory), and whether the
 * allowed project stores above a document count at all ({@code projectStores} false for an editor's
 * untrusted workspace, whose files must not vouch for themselves). It comes from the person running
 * the tool, never from a document or a lint config of the repository being checked.
 */
public record TrustSettings(List<Path> keys, boolean projectStores) {

    /** The user's store and the allowed project stores, as the command line trusts without {@code --trust}. */
    public static final TrustSettings STANDARD = new TrustSettings(List.of(), true);

    /**
     * What a server ({@code maml serve}, {@code maml mcp}) trusts: exactly the keys its configuration
     * names, and the user's store of the account it runs as; never a project store, not even one
     * the operator allowed for the command line, since a server verifies what clients send (spec 8).
     */
    public static TrustSettings server(List<Path> keys) {
        return new TrustSettings(keys, false);
    }

    public TrustSettings {
        keys = List.copyOf(keys);
    }
}
