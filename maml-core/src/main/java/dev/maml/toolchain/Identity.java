package dev.maml.toolchain;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Who signs: a private key file and, optionally, the public key file to reference from what is
 * signed (null: a PREFIX.pub next to the key when it lies under the document's directory, else the
 * key itself as base64).
 */
public record Identity(Path key, @Nullable Path publicKey) {
}
