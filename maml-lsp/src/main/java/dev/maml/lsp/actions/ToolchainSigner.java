package dev.maml.lsp.actions;

import dev.maml.sign.SigningException;
import dev.maml.toolchain.ReceiptDraft;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Signed;
import dev.maml.toolchain.Source;
import dev.maml.toolchain.Toolchain;
import java.io.IOException;

/**
 * The signing actions through the {@link Toolchain}, as `maml sign`, `maml verify` and
 * `maml receipt create` are: what is left here is turning its results and exceptions into
 * answers for the editor.
 */
public final class ToolchainSigner implements DocumentSigner {

    private final Toolchain toolchain = new Toolchain();

    @Override
    public Outcome sign(Source document, Session session) {
        if (session.identity() == null) {
            return Outcome.failed(NO_KEY);
        }
        try {
            Signed signed = toolchain.sign(document, session);
            return new Outcome(signed.text(), null, "Signed with key " + signed.keyId());
        } catch (IOException | SigningException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    @Override
    public VerificationResult verify(Source document, Session session) {
        try {
            return VerificationResult.of(toolchain.verify(document, session));
        } catch (IOException e) {
            return VerificationResult.error(e.getMessage());
        }
    }

    @Override
    public Outcome receipt(Source document, Session session) {
        if (document.path() == null) {
            return Outcome.failed(UNSAVED);
        }
        try {
            ReceiptDraft draft = toolchain.receiptCreate(document, null, session);
            return new Outcome(draft.text(), draft.file(), "Receipt " + draft.file().getFileName()
                    + (session.identity() == null ? " (unsigned: no key configured)" : ""));
        } catch (IOException | SigningException e) {
            return Outcome.failed(e.getMessage());
        }
    }
}
