package dev.maml.cli.shard;

import dev.maml.sign.Digests;
import java.math.BigInteger;

/**
 * Shard {@code index} (1-based, as Jest's and Playwright's {@code --shard 1/3}) of {@code total}.
 * A file belongs to shard {@code SHA-256(UTF-8 key) mod total + 1}, the digest read as an unsigned
 * big-endian number, where the key is its path relative to the root argument ({@link ShardKeys}).
 * A cryptographic digest, not {@code String.hashCode}, so the partition is fixed by the bytes of the
 * key alone: the same on every JVM, machine and run, and easy to recompute elsewhere
 * ({@code int(hashlib.sha256(key.encode()).hexdigest(), 16) % total + 1} in Python).
 */
public record Shard(int index, int total) {

    public Shard {
        if (total < 1 || index < 1 || index > total) {
            throw new IllegalArgumentException("shard " + index + "/" + total + " does not exist");
        }
    }

    /** The shard (1-based) that {@code key} belongs to among {@code total}. */
    public static int of(String key, int total) {
        return new BigInteger(1, Digests.sha256(key)).mod(BigInteger.valueOf(total)).intValue() + 1;
    }

    public boolean owns(String key) {
        return of(key, total) == index;
    }

    /** As the command line writes it: {@code 2/5}. */
    @Override
    public String toString() {
        return index + "/" + total;
    }
}
