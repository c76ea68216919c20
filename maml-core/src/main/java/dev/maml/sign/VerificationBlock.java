package dev.maml.sign;

import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlNode;
import dev.maml.yaml.YamlScalar;
import java.util.Optional;

/**
 * The {@code verification} mapping of a front matter as the signing code reads it: the scalars it
 * needs, and the line that holds {@code signature} (left out of the signed bytes).
 *
 * @param mapping       the mapping, or null when {@code verification} is absent or not a mapping
 * @param signatureLine the signature's whole line, or null when there is no usable signature line
 * @param problem       why the block cannot be used for verification, or null
 */
public record VerificationBlock(YamlEntry entry, YamlMapping mapping, YamlScalar method, YamlScalar keyId,
                                YamlScalar publicKey, YamlScalar signedAt, YamlScalar signature,
                                Range signatureLine, String problem) {

    public static final String KEY = "verification";

    /** Reads the block; empty when the document has no readable front matter mapping. */
    public static Optional<VerificationBlock> of(MamlDocument doc) {
        Optional<YamlMapping> root = doc.optionalFrontMatter().flatMap(fm -> fm.mapping());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Optional<YamlEntry> entry = root.get().entry(KEY);
        if (entry.isEmpty()) {
            return Optional.of(new VerificationBlock(null, null, null, null, null, null, null, null, null));
        }
        if (!(entry.get().value() instanceof YamlMapping m)) {
            return Optional.of(new VerificationBlock(entry.get(), null, null, null, null, null, null, null,
                    "verification is not a mapping"));
        }
        YamlScalar signature = scalar(m, "signature");
        Range line = null;
        String problem = null;
        if (signature != null) {
            line = SignatureLine.of(doc, m.entry("signature").orElseThrow());
            if (line == null) {
                problem = "verification.signature must be on a line of its own (\"signature: <base64>\")";
            } else if (!signature.value().isBlank()
                    && !SignatureLine.canonical(doc.text(), line, SignatureLine.DOCUMENT_INDENT)) {
                problem = SignatureLine.form(SignatureLine.DOCUMENT_INDENT);
            }
        } else if (m.get("signature").isPresent()) {
            problem = "verification.signature is not a string";
        }
        return Optional.of(new VerificationBlock(entry.get(), m, scalar(m, "method"), scalar(m, "key_id"),
                scalar(m, "public_key"), scalar(m, "signed_at"), signature, line, problem));
    }

    /** True when a signature value is present (empty values count as absent). */
    public boolean signed() {
        return signature != null && !signature.value().isBlank();
    }

    private static YamlScalar scalar(YamlMapping m, String key) {
        Optional<YamlNode> node = m.get(key);
        return node.isPresent() && node.get() instanceof YamlScalar s ? s : null;
    }
}
