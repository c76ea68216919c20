package dev.maml.run;

import dev.maml.sign.SignaturePolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * What to run and how (spec section 10 and the options of `maml run`, section 13). Transport-free:
 * the CLI, a server or the language server build one and get a {@link RunResult} back.
 *
 * @param document       the document file
 * @param input          the `--input` JSON object, or null
 * @param sets           the `--set key=value` pairs in command-line order (later ones win)
 * @param identity       who asks to run it (section 5)
 * @param key            the ML-DSA private key that signs the result and the receipt, or null for an
 *                       ephemeral key pair (the receipt is then unsigned)
 * @param trust          extra trusted public key files (`--trust`)
 * @param allowUntrusted run a document whose valid signature is by a key in no trust store
 * @param execCodeBlocks run the code blocks of a security or quantum workflow too
 * @param receiptDir     where receipts (and sealed payloads) go; null: next to the document
 * @param record         append EXECUTE and RECEIPT History entries to the document
 * @param seed           seeds every random choice that may be seeded (QKD, run id); empty: SecureRandom
 * @param root           the directory tree the files the document names must stay in (spec 10.2a):
 *                       a server's --root; null: the document's own directory
 * @param signaturePolicy the weakest signature accepted (`--min-algorithm`)
 */
public record RunRequest(Path document, ObjectNode input, Map<String, String> sets, Identity identity, Path key,
                         List<Path> trust, boolean allowUntrusted, boolean execCodeBlocks, Path receiptDir,
                         boolean record, OptionalLong seed, Path root, SignaturePolicy signaturePolicy) {

    public RunRequest {
        sets = Map.copyOf(sets);
        trust = List.copyOf(trust);
        Objects.requireNonNull(signaturePolicy, "signaturePolicy");
    }

    /**
     * A request confined to the document's own directory (the command line's case) that accepts every
     * ML-DSA parameter set.
     */
    public RunRequest(Path document, ObjectNode input, Map<String, String> sets, Identity identity, Path key,
                      List<Path> trust, boolean allowUntrusted, boolean execCodeBlocks, Path receiptDir,
                      boolean record, OptionalLong seed) {
        this(document, input, sets, identity, key, trust, allowUntrusted, execCodeBlocks, receiptDir, record, seed,
                null, SignaturePolicy.ANY);
    }

    /** A plain `maml run FILE`: as agent://local, no key, nothing extra. */
    public static RunRequest of(Path document) {
        return new RunRequest(document, null, Map.of(), Identity.LOCAL, null, List.of(), false, false, null, false,
                OptionalLong.empty());
    }
}
