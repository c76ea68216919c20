package dev.maml.toolchain;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Who signs: a private key file and, optionally, the public key file to reference from what is
 * signed (null: a PREFIX.pub next to the key when it lies under the document's directory, else the
 * key itself as base64). {@code embedOutsideTree}: a public key file outside the document's tree is
 * embedded as base64 instead of refused. An editor sets it: its one key setting serves every
 * workspace, so the key usually lies elsewhere, and a path out of the tree would never verify
 * (spec 10.2a); the command line names the file for this document, so there it is an error.
 */
public record Identity(Path key, @Nullable Path publicKey, boolean embedOutsideTree) {

    /** An identity whose public key file, when given, must lie in the document's tree. */
    public Identity(Path key, @Nullable Path publicKey) {
        this(key, publicKey, false);
    }
}
