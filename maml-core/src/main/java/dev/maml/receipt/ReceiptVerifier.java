package dev.maml.receipt;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.model.FrontMatter;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.receipt.ReceiptFinding.Kind;
import dev.maml.sign.Algorithm;
import dev.maml.sign.CanonicalBase64;
import dev.maml.sign.Digests;
import dev.maml.sign.KeyId;
import dev.maml.sign.MlDsa;
import dev.maml.sign.PublicKeyRef;
import dev.maml.sign.SignatureLine;
import dev.maml.sign.SignedBytes;
import dev.maml.sign.TrustStore;
import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlNode;
import dev.maml.yaml.YamlScalar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a receipt (spec section 9): un-mirrors the body and compares its SHA3-256 with
 * {@code source_sha3_256}, compares the source file when one is given, and checks the signature when
 * there is one. The digest alone detects accidents, not forgery (anyone can recompute it); the
 * signature ties the receipt to a key; {@code prev_sha3_256} (see {@link ReceiptChain}) orders them.
 */
public final class ReceiptVerifier {

    private static final Pattern SHA3_HEX = Pattern.compile("[0-9a-f]{64}");
    /** Parser errors about the header or the encoding; the body is mirrored text, so its "structure" means nothing. */
    private static final Set<RuleId> HEADER_ERRORS = EnumSet.of(RuleId.MAML001, RuleId.MAML002, RuleId.MAML003,
            RuleId.MAML004, RuleId.MAML005, RuleId.MAML006, RuleId.MAML090);
    /** Receipts are written by tools, so the header is read strictly: a renamed key is a changed receipt. */
    private static final Set<String> KNOWN = Set.of("mu_version", "type", "mirror", "source_maml", "source_id",
            "source_sha3_256", "created_at", "run", "prev_sha3_256", "signer", "signature");
    private static final List<String> REQUIRED = List.of("mu_version", "type", "mirror", "source_sha3_256", "created_at");

    private ReceiptVerifier() {
    }

    /**
     * @param receiptDir  where a relative signer.public_key starts (null: none)
     * @param sourceBytes the source document to compare, or null
     */
    public static ReceiptVerification verify(MamlDocument receipt, Path receiptDir, byte[] sourceBytes,
                                             TrustStore trust) {
        List<ReceiptFinding> findings = new ArrayList<>();
        FrontMatter fm = receipt.frontMatter();
        Range top = Range.of(0, Math.min(3, receipt.text().length()));
        for (Diagnostic d : receipt.diagnostics()) {
            if (d.severity() == Severity.ERROR && HEADER_ERRORS.contains(d.rule())) {
                findings.add(new ReceiptFinding(Kind.FRONT_MATTER, "not a readable receipt: " + d.message(), d.range()));
                return new ReceiptVerification(findings, null, null, false);
            }
        }
        if (fm == null || fm.mapping().isEmpty()) {
            findings.add(new ReceiptFinding(Kind.FRONT_MATTER, "not a receipt: no front matter mapping", top));
            return new ReceiptVerification(findings, null, null, false);
        }
        if (fm.closed() && receipt.text().lastIndexOf('\r', fm.closeDelimiter().end()) >= 0) {
            // Tools write the header with LF only; a CR there is a line break to YAML but not to the
            // signed bytes (spec 8, "one reading of the bytes"). The body may hold CRs: it is
            // mirrored text, bound byte for byte by source_sha3_256.
            int at = receipt.text().indexOf('\r');
            findings.add(new ReceiptFinding(Kind.FRONT_MATTER, "the receipt header holds a carriage return (line "
                    + receipt.lines().displayLine(at) + "); receipts are written with LF line breaks only",
                    Range.of(at, at + 1)));
            return new ReceiptVerification(findings, null, null, false);
        }
        YamlMapping header = fm.mapping().get();
        String sourceId = header.scalar("source_id").map(YamlScalar::value).orElse(null);
        checkHeader(header, fm, findings);
        checkDigests(receipt, header, sourceBytes, findings);
        return signature(receipt, header, receiptDir, trust, findings, sourceId);
    }

    /** Required keys, their forms, and keys this tool never writes. */
    private static void checkHeader(YamlMapping header, FrontMatter fm, List<ReceiptFinding> findings) {
        for (String key : REQUIRED) {
            if (header.get(key).isEmpty()) {
                findings.add(new ReceiptFinding(Kind.FRONT_MATTER, "receipt has no " + key, fm.openDelimiter()));
            }
        }
        header.scalar("type").filter(t -> !t.value().equals("receipt")).ifPresent(t -> findings.add(
                new ReceiptFinding(Kind.FRONT_MATTER, "type is '" + t.value() + "', not 'receipt'", t.range())));
        for (String key : List.of("source_sha3_256", "prev_sha3_256")) {
            header.entry(key).filter(e -> !(e.value() instanceof YamlScalar s && SHA3_HEX.matcher(s.value()).matches()))
                    .ifPresent(e -> findings.add(new ReceiptFinding(Kind.FRONT_MATTER,
                            key + " is not 64 lowercase hex digits (a SHA3-256 digest)", e.value().range())));
        }
        for (YamlEntry e : header.entries()) {
            if (!KNOWN.contains(e.key().value())) {
                findings.add(new ReceiptFinding(Kind.FRONT_MATTER, "unknown receipt key '" + e.key().value() + "'",
                        e.key().range()));
            }
        }
        header.scalar("mu_version").filter(v -> !v.value().equals(Receipt.MU_VERSION)).ifPresent(v -> findings.add(
                new ReceiptFinding(Kind.FRONT_MATTER, "mu_version '" + v.value() + "' is not " + Receipt.MU_VERSION, v.range())));
        header.scalar("created_at").filter(c -> !isInstant(c.value())).ifPresent(c -> findings.add(
                new ReceiptFinding(Kind.FRONT_MATTER, "created_at is not an ISO 8601 UTC timestamp", c.range())));
    }

    /** The un-mirrored body (and the source file, when given) against source_sha3_256. */
    private static void checkDigests(MamlDocument receipt, YamlMapping header, byte[] sourceBytes,
                                     List<ReceiptFinding> findings) {
        FrontMatter fm = receipt.frontMatter();
        Optional<YamlScalar> mirror = header.scalar("mirror");
        if (mirror.isPresent() && !mirror.get().value().equals(Mirror.METHOD)) {
            findings.add(new ReceiptFinding(Kind.MIRROR, "mirror '" + mirror.get().value() + "' cannot be undone exactly;"
                    + " receipts use " + Mirror.METHOD, mirror.get().range()));
        }
        Optional<YamlScalar> stated = header.scalar("source_sha3_256");
        if (stated.isPresent() && fm.closed() && mirror.map(m -> m.value().equals(Mirror.METHOD)).orElse(false)) {
            String source = Mirror.apply(body(receipt));
            String digest = Digests.sha3_256Hex(source.getBytes(StandardCharsets.UTF_8));
            if (!digest.equals(stated.get().value())) {
                findings.add(new ReceiptFinding(Kind.DIGEST, "the mirrored body does not match source_sha3_256 "
                        + "(the body or the digest was changed)", stated.get().range()));
            }
            if (sourceBytes != null && !Digests.sha3_256Hex(sourceBytes).equals(stated.get().value())) {
                findings.add(new ReceiptFinding(Kind.SOURCE, "the source document does not match source_sha3_256 "
                        + "(it changed after the receipt was made)", stated.get().range()));
            }
        }
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The mirrored text: everything after the closing "---" line. */
    public static String body(MamlDocument receipt) {
        FrontMatter fm = receipt.frontMatter();
        int line = receipt.lines().lineOf(fm.closeDelimiter().start());
        return receipt.text().substring(receipt.lines().nextLineStart(line));
    }

    private static ReceiptVerification signature(MamlDocument receipt, YamlMapping header, Path dir, TrustStore trust,
                                                 List<ReceiptFinding> findings, String sourceId) {
        Optional<YamlEntry> sigEntry = header.entry("signature");
        if (sigEntry.isEmpty() || sigEntry.get().value() instanceof YamlScalar s && s.value().isBlank()) {
            if (header.get("signer").isPresent()) {
                // A signer without a signature is a signed receipt whose signature was stripped.
                return fail(findings, sourceId, "signer is present but the signature is missing",
                        header.entry("signer").orElseThrow().key().range());
            }
            Range at = sigEntry.map(e -> e.key().range()).orElse(receipt.frontMatter().openDelimiter());
            findings.add(new ReceiptFinding(Kind.UNSIGNED, "the receipt is not signed; its digest shows accidents, "
                    + "not forgery", at));
            return new ReceiptVerification(findings, sourceId, null, false);
        }
        Range sigRange = sigEntry.get().value().range();
        Range line = SignatureLine.of(receipt, sigEntry.get());
        if (line == null || !SignatureLine.canonical(receipt.text(), line, SignatureLine.RECEIPT_INDENT)) {
            return fail(findings, sourceId, SignatureLine.form(SignatureLine.RECEIPT_INDENT), sigRange);
        }
        Optional<YamlNode> signerNode = header.get("signer");
        if (signerNode.isEmpty() || !(signerNode.get() instanceof YamlMapping signer)) {
            return fail(findings, sourceId, "signed receipt without a signer mapping", sigRange);
        }
        Optional<Algorithm> method = signer.scalar("method").flatMap(m -> Algorithm.resolve(m.value()));
        if (method.isEmpty()) {
            return fail(findings, sourceId, "signer.method is missing or not ml-dsa-44/65/87", signer.range());
        }
        PublicKey key;
        try {
            key = PublicKeyRef.resolve(signer.scalar("public_key").map(YamlScalar::value).orElse(""), dir);
        } catch (NoSuchFileException e) {
            return fail(findings, sourceId, "signer.public_key: " + e.getFile() + ": no such file", signer.range());
        } catch (IOException e) {
            return fail(findings, sourceId, "signer.public_key: " + e.getMessage(), signer.range());
        }
        String keyId = KeyId.of(key);
        if (!key.getAlgorithm().equalsIgnoreCase(method.get().fipsName())) {
            return fail(findings, sourceId, "signer.method says " + method.get() + " but the key is " + key.getAlgorithm(),
                    signer.range());
        }
        if (signer.scalar("key_id").map(k -> !k.value().equalsIgnoreCase(keyId)).orElse(false)) {
            return fail(findings, sourceId, "signer.key_id does not match the public key (" + keyId + ")", signer.range());
        }
        byte[] sig = CanonicalBase64.decode(((YamlScalar) sigEntry.get().value()).value());
        if (sig == null) {
            return fail(findings, sourceId, "signature is not valid base64", sigRange);
        }
        if (!MlDsa.RECEIPT.verify(key, SignedBytes.of(receipt.text(), line), sig)) {
            return fail(findings, sourceId, "the signature does not match the receipt (changed after signing, "
                    + "or not signed by this key)", sigRange);
        }
        return new ReceiptVerification(findings, sourceId, keyId, trust.trusts(key));
    }

    private static ReceiptVerification fail(List<ReceiptFinding> findings, String sourceId, String message, Range range) {
        findings.add(new ReceiptFinding(Kind.SIGNATURE, message, range));
        return new ReceiptVerification(findings, sourceId, null, false);
    }
}
