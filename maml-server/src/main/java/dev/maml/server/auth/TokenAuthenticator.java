package dev.maml.server.auth;

import dev.maml.run.Identity;
import dev.maml.sign.Digests;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code --auth tokens}: a bearer token is accepted when its SHA-256 is one the tokens file lists
 * (spec 11.1); the caller is that entry's identity. Only digests are kept, so the file reveals no
 * token; the comparison looks at every entry with {@link MessageDigest#isEqual} (constant time), so
 * the answer's timing does not tell how much of a digest matched, nor which entry.
 */
public final class TokenAuthenticator implements Authenticator {

    /** One line of the tokens file: the digest of a token and who holds it. */
    public record Entry(byte[] sha256, Identity identity) {
        public Entry {
            sha256 = sha256.clone();
        }
    }

    private final List<Entry> entries;

    public TokenAuthenticator(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    @Override
    public Identity authenticate(@Nullable String authorization) throws Unauthorized {
        byte[] digest = sha256(BearerCredentials.token(authorization));
        Identity found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.sha256(), digest) && found == null) {
                found = entry.identity();
            }
        }
        if (found == null) {
            throw new Unauthorized("invalid_token", "the bearer token is not one this server knows");
        }
        return found;
    }

    /** The digest the tokens file lists for {@code token} (what `maml serve` operators compute with sha256sum). */
    static byte[] sha256(String token) {
        return Digests.sha256(token);
    }

    /** The hex form of {@link #sha256} (for tests and documentation examples). */
    public static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }
}
