package dev.maml.cli.cache;

import dev.maml.diagnostic.Diagnostic;
import java.util.Arrays;
import java.util.List;

/**
 * What the cache knows about one file: its absolute path, the SHA-256 of its content, its
 * {@link FileState} when that content was seen (the metadata strategy's shortcut), the digest of
 * the settings it was linted with ({@link SettingsDigest}), and the findings that lint produced.
 */
public record CacheEntry(String path, byte[] sha256, FileState state, byte[] settings, List<Diagnostic> findings) {

    public CacheEntry {
        sha256 = sha256.clone();
        settings = settings.clone();
        findings = List.copyOf(findings);
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    @Override
    public byte[] settings() {
        return settings.clone();
    }

    /** Whether the entry was stored under {@code digest} (the settings' digest), without a copy. */
    boolean hasSettings(byte[] digest) {
        return Arrays.equals(settings, digest);
    }

    /** Whether the entry's content hashed to {@code digest}, without a copy. */
    boolean hasSha256(byte[] digest) {
        return Arrays.equals(sha256, digest);
    }

    CacheEntry seenAs(FileState newState) {
        return new CacheEntry(path, sha256, newState, settings, findings);
    }
}
