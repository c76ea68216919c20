package dev.maml.sign;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.diagnostic.TextEdit;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.parse.DocumentParser;
import dev.maml.report.Printable;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Signs a document (spec section 8): writes method, key_id, public_key, signed_at and signature
 * into {@code verification}, appends "[SIGN] by KEY_ID" to History before signing (so the entry is
 * covered), and signs the resulting text minus its signature line with hedged ML-DSA. Re-signing
 * replaces the previous values, the trusted comment included: it is the statement of one signing,
 * so a re-signing without one removes it rather than vouching for an earlier signer's words. The
 * result is verified before it is returned.
 */
public final class DocumentSigner {

    private static final String PLACEHOLDER = "\"\"";

    private DocumentSigner() {
    }

    /**
     * @param documentDir     where relative public_key paths start (null: no file)
     * @param publicKeyRef    the public_key to write when the document's current one does not name
     *                        the signing key: a relative path, or null for "base64:"
     */
    public static String sign(String text, PrivateKey key, Path documentDir, String publicKeyRef, Instant now,
                              SecureRandom random) throws SigningException {
        return sign(text, key, documentDir, publicKeyRef, null, now, random);
    }

    /** As above, writing {@code trustedComment} as {@code verification.trusted_comment} (null: none). */
    public static String sign(String text, PrivateKey key, Path documentDir, String publicKeyRef, String trustedComment,
                              Instant now, SecureRandom random) throws SigningException {
        MamlDocument doc = DocumentParser.parse(text);
        requireSignable(doc);
        requireWritable(publicKeyRef);
        PublicKey pub = KeyFiles.publicOf(key);
        Algorithm algorithm = Algorithm.ofKeyAlgorithm(key.getAlgorithm());
        String keyId = PublicKeyCache.withId(pub).keyId(); // a signer signs with the same key again and again
        String signedAt = now.truncatedTo(ChronoUnit.SECONDS).toString();

        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        values.put("method", algorithm.id());
        values.put("key_id", quote(keyId));
        values.put("public_key", quote(chooseRef(doc, pub, documentDir, publicKeyRef)));
        values.put("signed_at", signedAt);
        values.put(TrustedComment.KEY, trustedComment == null ? null : TrustedComment.yaml(trustedComment));
        values.put("signature", PLACEHOLDER);
        List<TextEdit> edits = new ArrayList<>(VerificationEditor.set(doc, values));
        String eol = VerificationEditor.lineBreak(doc);
        edits.add(HistoryAppender.append(doc, "- " + signedAt + ": [SIGN] by " + keyId, eol));
        String unsigned = TextEdits.apply(text, edits);

        Range signatureLine;
        int at; // where the placeholder "" starts
        int end; // and ends
        ElidedFrontMatter.Read shortcut = ElidedFrontMatter.readUnsigned(unsigned);
        if (shortcut != null && shortcut.block().problem() == null) {
            // The reading without the embedded public key's base64 (see ElidedFrontMatter): the
            // placeholder is where the parser reads verification.signature, on a canonical line.
            signatureLine = shortcut.signatureLine();
            at = shortcut.signatureQuote();
            end = at + PLACEHOLDER.length();
        } else {
            MamlDocument prepared = FrontMatterPrefix.parse(unsigned);
            VerificationBlock block = VerificationBlock.of(prepared).orElseThrow(() -> new SigningException(
                    "cannot sign: the front matter no longer reads as a mapping once verification is added"));
            if (block.signatureLine() == null) {
                throw new SigningException(block.problem() != null ? block.problem()
                        : "verification.signature could not be placed on a line of its own");
            }
            if (!SignatureLine.canonical(unsigned, block.signatureLine(), SignatureLine.DOCUMENT_INDENT)) {
                throw new SigningException("cannot sign: " + SignatureLine.form(SignatureLine.DOCUMENT_INDENT)
                        + "; rewrite that line first");
            }
            signatureLine = block.signatureLine();
            at = block.signature().range().start();
            end = at + block.signature().lexical().length();
        }
        String lineBreaks = LineBreaks.problem(unsigned);
        if (lineBreaks != null) {
            throw new SigningException("cannot sign: " + lineBreaks);
        }
        byte[] signature;
        try {
            signature = MlDsa.DOCUMENT.sign(key, SignedBytes.of(unsigned, signatureLine), random);
        } catch (GeneralSecurityException e) {
            throw new SigningException("ML-DSA signing failed: " + e.getMessage());
        }
        // base64 holds no quote or backslash: the value goes between the quotes as it is
        String signed = unsigned.substring(0, at) + '"' + Base64.getEncoder().encodeToString(signature) + '"'
                + unsigned.substring(end);
        // Never hand out a signature that does not verify: a damaged private key (Bouncy Castle
        // loads an expanded key whose t0 was altered, and every signature it makes is invalid) or a
        // fault in signing would otherwise go unnoticed until someone verifies.
        Verification check = DocumentVerifier.verify(signed, documentDir, TrustStore.EMPTY);
        if (!check.outcome().signatureValid()) {
            throw new SigningException("cannot sign: the new signature does not verify with the key's own public key ("
                    + check.reason() + "); the private key may be damaged; nothing was written");
        }
        return signed;
    }

    /**
     * The public_key to write for a document in {@code dir}: {@code publicKeyFile} (which must hold
     * the key's public half) by its path; without it a PREFIX.pub next to PREFIX.key inside the
     * document's directory tree; null (embed as base64) otherwise.
     */
    public static String publicKeyRef(Path keyFile, PublicKey pub, Path publicKeyFile, Path dir)
            throws IOException, SigningException {
        if (publicKeyFile == null) {
            return PublicKeyRef.siblingOf(keyFile, pub, dir);
        }
        if (!Arrays.equals(KeyFiles.readPublic(publicKeyFile).getEncoded(), pub.getEncoded())) {
            throw new SigningException(publicKeyFile + " is not the public key of " + keyFile);
        }
        return PublicKeyRef.relativePath(dir, publicKeyFile);
    }

    private static void requireSignable(MamlDocument doc) throws SigningException {
        for (Diagnostic d : doc.diagnostics()) {
            if (d.severity() == Severity.ERROR && d.rule() != RuleId.MAML040) {
                throw new SigningException("cannot sign: " + d.message()
                        + " (line " + doc.lines().displayLine(d.range().start()) + ")");
            }
        }
        if (doc.frontMatter() == null || doc.frontMatter().mapping().isEmpty()) {
            throw new SigningException("cannot sign: the document has no front matter mapping to hold verification");
        }
    }

    /**
     * A control character (a line break, ESC) cannot stand as written in the quoted public_key value:
     * a line break would be folded into a space, others break the front matter, so the document
     * would name another file or none.
     */
    private static void requireWritable(String publicKeyRef) throws SigningException {
        if (publicKeyRef == null) {
            return;
        }
        for (int i = 0; i < publicKeyRef.length(); i++) {
            char c = publicKeyRef.charAt(i);
            if (Character.isISOControl(c)) {
                throw new SigningException(String.format("cannot sign: the public key path %s holds the control "
                        + "character U+%04X, which the document cannot hold as written; rename the file, or leave the "
                        + "public key out to embed it as base64", Printable.line(publicKeyRef), (int) c));
            }
        }
    }

    /** Keeps a public_key that already names the signing key; otherwise the given path or base64. */
    private static String chooseRef(MamlDocument doc, PublicKey pub, Path documentDir, String publicKeyRef) {
        Optional<String> current = VerificationBlock.of(doc).map(VerificationBlock::publicKey).map(s -> s.value());
        if (current.isPresent() && publicKeyRef == null) {
            try {
                if (Arrays.equals(PublicKeyRef.resolve(current.get(), documentDir).getEncoded(), pub.getEncoded())) {
                    return current.get();
                }
            } catch (IOException e) {
                // Not our key (or not readable): replaced below.
            }
        }
        return publicKeyRef != null ? publicKeyRef : PublicKeyRef.base64(pub);
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
