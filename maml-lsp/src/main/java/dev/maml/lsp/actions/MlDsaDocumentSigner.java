package dev.maml.lsp.actions;

import dev.maml.io.OutsideTreeException;
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
import java.security.SecureRandom;
import java.time.Clock;

/** The signing actions through the same library as `maml sign`, `maml verify` and `maml receipt create`. */
public final class MlDsaDocumentSigner implements dev.maml.lsp.actions.DocumentSigner {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public MlDsaDocumentSigner(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Outcome sign(String text, Path document, Keys keys) {
        if (keys.key() == null) {
            return Outcome.failed(NO_KEY);
        }
        try {
            PrivateKey key = KeyFiles.readPrivate(keys.key());
            PublicKey pub = KeyFiles.publicOf(key);
            Path dir = document == null ? null : document.toAbsolutePath().normalize().getParent();
            String ref = dir == null ? null : publicKeyRef(keys, pub, dir);
            String signed = DocumentSigner.sign(text, key, dir, ref, clock.instant(), random);
            return new Outcome(signed, null, "Signed with key " + KeyId.of(pub));
        } catch (IOException | SigningException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    /**
     * The document's public_key: the configured public key by its path when it lies in the document's
     * tree; embedded as base64 (null) when it does not. The setting is one key for every workspace, so
     * it usually lies elsewhere, and a path out of the tree would never verify (spec 10.2a).
     */
    private static String publicKeyRef(Keys keys, PublicKey pub, Path dir) throws IOException, SigningException {
        try {
            return DocumentSigner.publicKeyRef(keys.key(), pub, keys.publicKey(), dir);
        } catch (OutsideTreeException e) {
            return null;
        }
    }

    @Override
    public VerificationResult verify(String text, Path document, Keys keys) {
        Path dir = document == null ? null : document.toAbsolutePath().normalize().getParent();
        try {
            TrustStore trust = TrustStore.standard(UserConfig.fromEnvironment(), keys.projectStores() ? dir : null, keys.trust());
            return VerificationResult.of(DocumentVerifier.verify(text, dir, trust));
        } catch (IOException e) {
            return VerificationResult.error(e.getMessage());
        }
    }

    @Override
    public Outcome receipt(String text, Path document, Keys keys) {
        if (document == null) {
            return Outcome.failed(UNSAVED);
        }
        try {
            Receipts.Builder receipt = Receipts.of(document).at(clock.instant()).random(random);
            if (keys.key() != null) {
                receipt.key(keys.key());
            }
            Receipts.Draft draft = receipt.draft(text);
            return new Outcome(draft.text(), draft.file(), "Receipt " + draft.file().getFileName()
                    + (keys.key() == null ? " (unsigned: no key configured)" : ""));
        } catch (IOException e) {
            return Outcome.failed(e.getMessage());
        }
    }
}
