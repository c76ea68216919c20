package dev.maml.receipt;

import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.parse.DocumentParser;
import dev.maml.report.Json;
import dev.maml.sign.Algorithm;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.KeyId;
import dev.maml.sign.MlDsa;
import dev.maml.sign.SignatureLine;
import dev.maml.sign.SignedBytes;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Writes the text of a {@code .mu} receipt: front matter (spec section 9) and the mirrored source.
 * When a key is given the receipt is signed with ML-DSA under the context string "maml-2 receipt"
 * (not the document one, so a receipt signature can never pass for a document signature), over the
 * receipt minus its signature line, LF-normalised, like a document.
 */
public final class ReceiptWriter {

    static final String SIGNATURE_PLACEHOLDER = "\"\"";

    private ReceiptWriter() {
    }

    /**
     * @param receipt      what the receipt states
     * @param sourceText   the source document as text (its UTF-8 bytes are what source_sha3_256 names)
     * @param key          the signing key, or null for an unsigned receipt
     * @param publicKeyRef the signer's public_key value (a path relative to the receipt, or base64:)
     */
    public static String write(Receipt receipt, String sourceText, PrivateKey key, String publicKeyRef,
                               SecureRandom random) throws GeneralSecurityException {
        StringBuilder b = new StringBuilder("---\n");
        b.append("mu_version: ").append(q(Receipt.MU_VERSION)).append('\n');
        b.append("type: receipt\n");
        b.append("mirror: ").append(Mirror.METHOD).append('\n');
        b.append("source_maml: ").append(q(receipt.sourceName())).append('\n');
        if (receipt.sourceId() != null) {
            b.append("source_id: ").append(q(receipt.sourceId())).append('\n');
        }
        b.append("source_sha3_256: ").append(q(receipt.sourceSha3())).append('\n');
        b.append("created_at: ").append(receipt.createdAt().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        if (receipt.run() != null) {
            run(receipt.run(), b);
        }
        if (receipt.prevSha3() != null) {
            b.append("prev_sha3_256: ").append(q(receipt.prevSha3())).append('\n');
        }
        if (key != null) {
            PublicKey pub = KeyFiles.publicOf(key);
            b.append("signer: {method: ").append(Algorithm.resolve(key.getAlgorithm()).orElseThrow().id())
                    .append(", key_id: ").append(q(KeyId.of(pub)))
                    .append(", public_key: ").append(q(publicKeyRef)).append("}\n");
            b.append("signature: ").append(SIGNATURE_PLACEHOLDER).append('\n');
        }
        b.append("---\n").append(Mirror.apply(sourceText));
        String unsigned = b.toString();
        return key == null ? unsigned : sign(unsigned, key, random);
    }

    private static void run(RunRecord run, StringBuilder b) {
        b.append("run:\n");
        b.append("  run_id: ").append(q(run.runId())).append('\n');
        b.append("  identity: ").append(q(run.identity())).append('\n');
        b.append("  inputs_sha3_256: ").append(q(run.inputsSha3())).append('\n');
        b.append("  outputs_sha3_256: ").append(q(run.outputsSha3())).append('\n');
        if (run.steps().isEmpty()) {
            b.append("  steps: []\n");
            return;
        }
        b.append("  steps:\n");
        for (RunRecord.Step s : run.steps()) {
            b.append("    - {name: ").append(q(s.name())).append(", status: ").append(q(s.status()))
                    .append(", millis: ").append(s.millis()).append("}\n");
        }
    }

    private static String sign(String unsigned, PrivateKey key, SecureRandom random) throws GeneralSecurityException {
        MamlDocument doc = DocumentParser.parse(unsigned);
        var entry = doc.frontMatter().mapping().orElseThrow().entry("signature").orElseThrow();
        Range line = SignatureLine.of(doc, entry);
        byte[] sig = MlDsa.RECEIPT.sign(key, SignedBytes.of(unsigned, line), random);
        int at = entry.value().range().start();
        return unsigned.substring(0, at) + q(Base64.getEncoder().encodeToString(sig))
                + unsigned.substring(at + SIGNATURE_PLACEHOLDER.length());
    }

    /** A YAML double-quoted scalar: a JSON string literal is one (YAML 1.2 reads JSON). */
    static String q(String value) {
        return Json.compact(value);
    }
}
