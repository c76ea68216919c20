package dev.maml.sign;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.io.FailureText;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.yaml.YamlScalar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks a document's ML-DSA signature (spec section 8). Never throws for anything a document may
 * contain: every problem is an outcome with a reason. What "valid" gives: the signed bytes are
 * exactly what the holder of the private key signed. What it does not give: who that holder is
 * (that is what the trust store is for), when it was signed (signed_at is the signer's claim), or
 * that the document is safe to run.
 */
public final class DocumentVerifier {

    /** Parser findings that mean the front matter could not be read as signed. */
    private static final Set<RuleId> UNREADABLE = EnumSet.of(RuleId.MAML002, RuleId.MAML003, RuleId.MAML004,
            RuleId.MAML005, RuleId.MAML006);

    private DocumentVerifier() {
    }

    /** Checks a file's bytes; only the front matter is parsed (see {@link FrontMatterPrefix}). */
    public static Verification verify(byte[] bytes, Path documentDir, TrustStore trust) {
        return verify(bytes, documentDir, trust, SignaturePolicy.ANY);
    }

    /** As {@link #verify(byte[], Path, TrustStore)}, refusing signatures weaker than {@code policy} allows. */
    public static Verification verify(byte[] bytes, Path documentDir, TrustStore trust, SignaturePolicy policy) {
        if (!StrictUtf8.isValid(bytes)) {
            return Verification.of(Outcome.MALFORMED, "the file is not valid UTF-8, so it cannot be what was signed");
        }
        // Text with LF line breaks only (no CR anywhere): only its front matter needs to become a String.
        int prefixEnd = LineBreaks.containsCr(bytes) ? -1 : ElidedFrontMatter.prefixEnd(bytes);
        if (prefixEnd > 0) {
            String prefix = new String(bytes, 0, prefixEnd, StandardCharsets.UTF_8);
            // As many chars as bytes: all ASCII (valid UTF-8 gives one char for one byte only there), so
            // the signature line's offsets in the prefix are its byte offsets.
            boolean ascii = prefix.length() == prefixEnd;
            Verification quick = quick(prefix, line -> ascii ? SignedBytes.of(bytes, line)
                    : SignedBytes.of(bytes, prefix, line), documentDir, trust, policy);
            if (quick != null) {
                return quick;
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8); // checked above: what strict decoding gives
        return prefixEnd > 0 // the shortcut read this front matter already and did not apply
                ? verify(FrontMatterPrefix.parse(text), text, documentDir, trust, policy)
                : verify(text, bytes, documentDir, trust, policy);
    }

    /** Checks a document's text; only the front matter is parsed. */
    public static Verification verify(String text, Path documentDir, TrustStore trust) {
        return verify(text, null, documentDir, trust, SignaturePolicy.ANY);
    }

    /**
     * The shortcut of {@link ElidedFrontMatter} when the front matter has its plain shape, else the
     * whole front matter parsed; both give the same outcome and reason for every text.
     *
     * @param utf8 {@code text} as UTF-8, or null to encode it here
     */
    private static Verification verify(String text, byte[] utf8, Path documentDir, TrustStore trust,
                                       SignaturePolicy policy) {
        Verification quick = quick(text, line -> SignedBytes.of(utf8 != null ? utf8
                : text.getBytes(StandardCharsets.UTF_8), text, line), documentDir, trust, policy);
        return quick != null ? quick : verify(FrontMatterPrefix.parse(text), text, documentDir, trust, policy);
    }

    /**
     * The answer by way of {@link ElidedFrontMatter}, or null when that shortcut does not apply.
     *
     * @param text        the document, or (when it holds no CR) its text up to the end of its front matter
     * @param signedBytes the signed bytes, given the signature line's range in {@code text}
     */
    private static Verification quick(String text, Function<Range, byte[]> signedBytes, Path documentDir,
                                      TrustStore trust, SignaturePolicy policy) {
        ElidedFrontMatter.Read read = ElidedFrontMatter.read(text);
        if (read == null || unreadable(read.doc()).isPresent() || read.block().problem() != null) {
            return null;
        }
        String lineBreaks = LineBreaks.problem(text);
        if (lineBreaks != null) {
            return Verification.of(Outcome.MALFORMED, lineBreaks);
        }
        VerificationBlock block = read.block();
        return check(block.method(), block.keyId(), read.publicKey() != null ? read.publicKey()
                        : block.publicKey() == null ? null : block.publicKey().value(), read.signature(),
                () -> signedBytes.apply(read.signatureLine()), documentDir, trust, policy);
    }

    /** @param documentDir where relative public_key paths start; null for a document without a file */
    public static Verification verify(MamlDocument doc, Path documentDir, TrustStore trust) {
        return verify(doc, documentDir, trust, SignaturePolicy.ANY);
    }

    /** As {@link #verify(MamlDocument, Path, TrustStore)}, refusing signatures weaker than {@code policy} allows. */
    public static Verification verify(MamlDocument doc, Path documentDir, TrustStore trust, SignaturePolicy policy) {
        return verify(doc, doc.text(), documentDir, trust, policy);
    }

    /** @param doc the document, or just its front matter (a prefix of {@code text}) */
    private static Verification verify(MamlDocument doc, String text, Path documentDir, TrustStore trust,
                                       SignaturePolicy policy) {
        Optional<String> unreadable = unreadable(doc);
        Optional<VerificationBlock> read = VerificationBlock.of(doc);
        if (read.isEmpty() || !read.get().signed() && read.get().problem() == null) {
            return unreadable.isPresent() && doc.frontMatter() != null
                    ? Verification.of(Outcome.MALFORMED, unreadable.get())
                    : Verification.of(Outcome.UNSIGNED, "the document has no verification.signature");
        }
        VerificationBlock block = read.get();
        String lineBreaks = LineBreaks.problem(text);
        if (lineBreaks != null) {
            return Verification.of(Outcome.MALFORMED, lineBreaks);
        }
        if (unreadable.isPresent()) {
            return Verification.of(Outcome.MALFORMED, unreadable.get());
        }
        if (block.problem() != null) {
            return Verification.of(Outcome.MALFORMED, block.problem());
        }
        return check(block.method(), block.keyId(), block.publicKey() == null ? null : block.publicKey().value(),
                block.signature().value(), () -> SignedBytes.of(text, block.signatureLine()), documentDir, trust, policy);
    }

    /** The checks after the front matter was read: method, key, key_id, the signature itself, policy, trust. */
    private static Verification check(YamlScalar method, YamlScalar keyIdValue, String publicKey, String signatureText,
                                      Supplier<byte[]> signedBytes, Path documentDir, TrustStore trust,
                                      SignaturePolicy policy) {
        if (method == null) {
            return Verification.of(Outcome.MALFORMED, "verification.method is missing");
        }
        Optional<Algorithm> algorithm = Algorithm.resolve(method.value());
        if (algorithm.isEmpty()) {
            return Verification.of(Outcome.MALFORMED, "verification.method '" + method.value()
                    + "' is not a signature method of this tool (ml-dsa-44, ml-dsa-65, ml-dsa-87)");
        }
        if (publicKey == null) {
            return Verification.of(Outcome.MALFORMED, "verification.public_key is missing");
        }
        PublicKeyRef.Resolved key;
        try {
            key = PublicKeyRef.resolveWithId(publicKey, documentDir);
        } catch (IOException e) {
            return Verification.of(Outcome.MALFORMED, "cannot read the public key: " + FailureText.of(e));
        }
        Algorithm keyAlgorithm = Algorithm.ofKeyAlgorithm(key.key().getAlgorithm());
        String keyId = key.keyId();
        if (keyAlgorithm != algorithm.get()) {
            return new Verification(Outcome.MALFORMED, "verification.method says " + algorithm.get()
                    + " but the public key is " + keyAlgorithm, keyAlgorithm, keyId);
        }
        if (keyIdValue != null && !keyIdValue.value().equalsIgnoreCase(keyId)) {
            return new Verification(Outcome.MALFORMED, "verification.key_id " + keyIdValue.value()
                    + " does not match the public key (" + keyId + ")", keyAlgorithm, keyId);
        }
        byte[] signature = CanonicalBase64.decode(signatureText);
        if (signature == null) {
            return new Verification(Outcome.MALFORMED, "verification.signature is not valid base64", keyAlgorithm, keyId);
        }
        if (!MlDsa.DOCUMENT.verify(key.key(), signedBytes.get(), signature)) {
            return new Verification(Outcome.INVALID, "the signature does not match the document "
                    + "(changed after signing, or not signed by this key)", keyAlgorithm, keyId);
        }
        if (!policy.accepts(keyAlgorithm)) {
            return new Verification(Outcome.BELOW_MINIMUM, "signed with " + keyAlgorithm + ", weaker than the "
                    + policy.minimum() + " this verifier requires (--min-algorithm)", keyAlgorithm, keyId);
        }
        return trust.trusts(key.key())
                ? new Verification(Outcome.VALID, "signed by trusted key " + keyId, keyAlgorithm, keyId)
                : new Verification(Outcome.VALID_UNTRUSTED, "signed by key " + keyId
                        + ", which is in no trust store", keyAlgorithm, keyId);
    }

    private static Optional<String> unreadable(MamlDocument doc) {
        for (Diagnostic d : doc.diagnostics()) {
            if (d.severity() == Severity.ERROR && (d.rule() == RuleId.MAML090 || UNREADABLE.contains(d.rule()))) {
                return Optional.of(d.rule() == RuleId.MAML090 ? "the file is not clean UTF-8: " + d.message()
                        : "the front matter cannot be read: " + d.message());
            }
        }
        return Optional.empty();
    }
}
