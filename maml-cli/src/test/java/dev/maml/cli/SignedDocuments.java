package dev.maml.cli;

import java.nio.file.Path;

/**
 * Documents signed as an operator signs them, with `maml keygen` and `maml sign`, for the servers'
 * tests: a key pair made outside the document's directory, so the signature carries the public key
 * itself (base64) and the server trusts it through {@code --trust}.
 */
final class SignedDocuments {

    private SignedDocuments() {
    }

    /** `maml keygen --out dir/k`; returns the private key, dir/k.key. */
    static Path keyPair(Path dir) {
        Path prefix = dir.resolve("k");
        succeed(CliRun.of("keygen", "--out", prefix.toString()), "keygen");
        return dir.resolve("k.key");
    }

    /** The public half of {@code key} (k.key → k.pub), what the server is given with {@code --trust}. */
    static Path publicKey(Path key) {
        String name = key.getFileName().toString();
        return key.resolveSibling(name.substring(0, name.length() - ".key".length()) + ".pub");
    }

    /** `maml sign doc --key key`, replacing any signature the document had. */
    static void sign(Path doc, Path key) {
        succeed(CliRun.of("sign", doc.toString(), "--key", key.toString()), "sign " + doc);
    }

    private static void succeed(CliRun run, String what) {
        if (run.exitCode() != 0) {
            throw new IllegalStateException("maml " + what + " failed (exit " + run.exitCode() + "): " + run.err());
        }
    }
}
