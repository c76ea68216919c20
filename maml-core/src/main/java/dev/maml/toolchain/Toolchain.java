package dev.maml.toolchain;

import dev.maml.format.Formatter;
import dev.maml.io.OutsideTreeException;
import dev.maml.lint.LintResult;
import dev.maml.lint.fix.Fixer;
import dev.maml.lint.fix.ResignAdvice;
import dev.maml.model.FileKind;
import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.receipt.ReceiptVerification;
import dev.maml.receipt.ReceiptVerifier;
import dev.maml.receipt.Receipts;
import dev.maml.sign.DocumentSigner;
import dev.maml.sign.DocumentVerifier;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.KeyId;
import dev.maml.sign.SigningException;
import dev.maml.sign.TrustStore;
import dev.maml.trust.UserConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.jspecify.annotations.Nullable;

/**
 * The toolchain without a transport (as lemminx's {@code XMLLanguageService} is for its LSP layer):
 * every operation takes a {@link Source} and a {@link Session} and returns a typed result. The command
 * line ({@code dev.maml.cli}), the language server ({@code dev.maml.lsp}) and the HTTP and MCP
 * servers are adapters over it: they read their input, build a session from their options, call one
 * method, and turn the result into their output (text, JSON, LSP values). Nothing here writes a file
 * or prints. Running a document is the run pipeline's ({@code dev.maml.run} in maml-runtime), which
 * lints through {@link Linting} and signs and verifies with the same classes; a {@code run} operation
 * belongs here once that pipeline takes a {@link Session}. Thread-safe.
 */
public final class Toolchain {

    /** The parse tree, with the parser's findings. */
    public MamlDocument parse(Source source) {
        return source.parse();
    }

    /** Lints with the document's config and the session's overrides, or says why not. */
    public LintOutcome lint(Source source, Session session) {
        Resolution resolution = session.resolve(source.path());
        if (!(resolution instanceof Resolution.Lint lint)) {
            return new LintOutcome(resolution, null);
        }
        LintResult result = Linting.engine(source.kind()).lint(source.parse(), lint.settings());
        return new LintOutcome(resolution, result);
    }

    /**
     * Applies the engine's fixes, passes repeated until nothing changes ({@link Fixer}); fixes marked
     * unsafe only when {@code unsafe} (`maml lint --unsafe-fixes`, the MCP fix tool's unsafe_fixes).
     */
    public Fixed fix(Source source, Session session, boolean unsafe) {
        Resolution resolution = session.resolve(source.path());
        String text = source.text();
        if (!(resolution instanceof Resolution.Lint lint) || text == null) {
            return new Fixed(resolution, null, false);
        }
        Fixer.FixOutcome outcome = Linting.fix(text, source.kind(), lint.settings(), unsafe);
        boolean brokeSignature = source.kind() == FileKind.DOCUMENT && ResignAdvice.invalidates(text, outcome.text());
        return new Fixed(resolution, outcome, brokeSignature);
    }

    /** The canonical formatting ({@link Formatter}); comments and content are kept. */
    public Formatted format(Source source) {
        String text = source.text();
        if (text == null) {
            return new Formatted(null, false, false);
        }
        MamlDocument doc = DocumentParser.parse(text);
        String formatted = Formatter.format(doc);
        return new Formatted(formatted, !formatted.equals(text), ResignAdvice.signed(doc));
    }

    /**
     * Checks the signature against the session's trust (the user's store, the allowed project stores
     * above the document unless the session turns them off, its extra keys) and signature policy.
     */
    public Verified verify(Source source, Session session) throws IOException {
        TrustStore trust = TrustStore.standard(UserConfig.fromEnvironment(), source.directory(), session.trust());
        return new Verified(DocumentVerifier.verify(source.bytes(), source.directory(), trust, session.signaturePolicy()),
                trust);
    }

    /** Signs with the session's identity at the session's clock's now; the text is returned, not written. */
    public Signed sign(Source source, Session session) throws IOException, SigningException {
        return sign(source, session, null);
    }

    /** As {@link #sign(Source, Session)}, with {@code verification.trusted_comment} (null: none). */
    public Signed sign(Source source, Session session, @Nullable String trustedComment)
            throws IOException, SigningException {
        Identity identity = requireIdentity(session);
        String text = source.text();
        if (text == null) {
            throw new SigningException(name(source) + ": not valid UTF-8; the signature would not cover the file's bytes");
        }
        PrivateKey key = KeyFiles.readPrivate(identity.key());
        PublicKey pub = KeyFiles.publicOf(key);
        String ref = source.directory() == null ? null : publicKeyRef(identity, pub, source.directory());
        String signed = DocumentSigner.sign(text, key, source.directory(), ref, trustedComment, session.clock().instant(),
                session.random());
        return new Signed(signed, KeyId.of(pub));
    }

    /**
     * The receipt of a named document ({@code out}: where to write it, null for the next free name
     * next to the document), chained to the newest receipt of the same document there, signed when
     * the session has an identity. The draft is checked, not written.
     */
    public ReceiptDraft receiptCreate(Source source, @Nullable Path out, Session session)
            throws IOException, SigningException {
        Path path = source.path();
        String text = source.text();
        if (path == null || text == null) {
            throw new IOException(name(source) + (path == null ? ": a receipt needs the document's file name"
                    : ": not valid UTF-8; a receipt mirrors text"));
        }
        Identity identity = session.identity();
        String ref = null;
        if (identity != null && identity.publicKey() != null) {
            PublicKey pub = KeyFiles.publicOf(KeyFiles.readPrivate(identity.key()));
            ref = publicKeyRef(identity, pub, (out != null ? out : path).toAbsolutePath().normalize().getParent());
        }
        Receipts.Builder receipt = Receipts.of(path).at(session.clock().instant());
        if (out != null) {
            receipt.out(out);
        }
        if (identity != null) {
            receipt.key(identity.key()).random(session.random());
        }
        if (ref != null) {
            receipt.publicKeyRef(ref);
        }
        Receipts.Draft draft = receipt.draft(text);
        Path dir = draft.file().toAbsolutePath().normalize().getParent();
        ReceiptVerification check = ReceiptVerifier.verify(DocumentParser.parse(draft.text()), dir, null, TrustStore.EMPTY);
        return new ReceiptDraft(draft.file(), draft.text(), check);
    }

    /** Checks a receipt (and, given {@code document}, that it is the receipt's source) against the session's trust. */
    public ReceiptChecked receiptVerify(Source receipt, @Nullable Source document, Session session) throws IOException {
        TrustStore trust = TrustStore.standard(UserConfig.fromEnvironment(), receipt.directory(), session.trust());
        ReceiptVerification v = ReceiptVerifier.verify(receipt.parse(), receipt.directory(),
                document == null ? null : document.bytes(), trust);
        return new ReceiptChecked(v, trust);
    }

    /** The public_key to write for something signed in {@code dir}; null: embed (or, for a receipt, the default). */
    private static @Nullable String publicKeyRef(Identity identity, PublicKey pub, Path dir)
            throws IOException, SigningException {
        try {
            return DocumentSigner.publicKeyRef(identity.key(), pub, identity.publicKey(), dir);
        } catch (OutsideTreeException e) {
            if (identity.embedOutsideTree()) {
                return null;
            }
            throw e;
        }
    }

    private static Identity requireIdentity(Session session) throws SigningException {
        if (session.identity() == null) {
            throw new SigningException("no signing key given");
        }
        return session.identity();
    }

    private static String name(Source source) {
        return source.path() == null ? "<stdin>" : source.path().toString();
    }
}
