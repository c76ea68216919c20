package dev.maml.sign;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.model.MamlDocument;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

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
        String text;
        try {
            text = StrictUtf8.decode(bytes);
        } catch (CharacterCodingException e) {
            return Verification.of(Outcome.MALFORMED, "the file is not valid UTF-8, so it cannot be what was signed");
        }
        return verify(FrontMatterPrefix.parse(text), text, documentDir, trust, policy);
    }

    /** Checks a document's text; only the front matter is parsed. */
    public static Verification verify(String text, Path documentDir, TrustStore trust) {
        return verify(FrontMatterPrefix.parse(text), text, documentDir, trust, SignaturePolicy.ANY);
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
        if (block.method() == null) {
            return Verification.of(Outcome.MALFORMED, "verification.method is missing");
        }
        Optional<Algorithm> algorithm = Algorithm.resolve(block.method().value());
        if (algorithm.isEmpty()) {
            return Verification.of(Outcome.MALFORMED, "verification.method '" + block.method().value()
                    + "' is not a signature method of this tool (ml-dsa-44, ml-dsa-65, ml-dsa-87)");
        }
        if (block.publicKey() == null) {
            return Verification.of(Outcome.MALFORMED, "verification.public_key is missing");
        }
        PublicKey key;
        try {
            key = PublicKeyRef.resolve(block.publicKey().value(), documentDir);
        } catch (IOException e) {
            return Verification.of(Outcome.MALFORMED, "cannot read the public key: " + message(e));
        }
        Algorithm keyAlgorithm = Algorithm.ofKeyAlgorithm(key.getAlgorithm());
        String keyId = KeyId.of(key);
        if (keyAlgorithm != algorithm.get()) {
            return new Verification(Outcome.MALFORMED, "verification.method says " + algorithm.get()
                    + " but the public key is " + keyAlgorithm, keyAlgorithm, keyId);
        }
        if (block.keyId() != null && !block.keyId().value().equalsIgnoreCase(keyId)) {
            return new Verification(Outcome.MALFORMED, "verification.key_id " + block.keyId().value()
                    + " does not match the public key (" + keyId + ")", keyAlgorithm, keyId);
        }
        byte[] signature = CanonicalBase64.decode(block.signature().value());
        if (signature == null) {
            return new Verification(Outcome.MALFORMED, "verification.signature is not valid base64", keyAlgorithm, keyId);
        }
        byte[] signed = SignedBytes.of(text, block.signatureLine());
        if (!MlDsa.DOCUMENT.verify(key, signed, signature)) {
            return new Verification(Outcome.INVALID, "the signature does not match the document "
                    + "(changed after signing, or not signed by this key)", keyAlgorithm, keyId);
        }
        if (!policy.accepts(keyAlgorithm)) {
            return new Verification(Outcome.BELOW_MINIMUM, "signed with " + keyAlgorithm + ", weaker than the "
                    + policy.minimum() + " this verifier requires (--min-algorithm)", keyAlgorithm, keyId);
        }
        return trust.trusts(key)
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

    private static String message(IOException e) {
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
