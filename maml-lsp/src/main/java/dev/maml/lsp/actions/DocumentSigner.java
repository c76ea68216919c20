package dev.maml.lsp.actions;

import dev.maml.toolchain.Session;
import dev.maml.toolchain.Source;
import java.nio.file.Path;

/**
 * What the "Sign document", "Verify signature" and "Create receipt" actions need from the signing
 * library (spec sections 8 and 9), kept to a document and the editor's {@link Session} (its trust,
 * and its identity from the {@code key} and {@code publicKey} settings) in, text or a message out,
 * so the language server stays free of key handling. A server built without one does not offer
 * these actions.
 */
public interface DocumentSigner {

    /** Why signing cannot start: no private key in the settings. */
    String NO_KEY = "no signing key configured: set the \"key\" setting to a private key made by maml keygen";
    /** Why a receipt cannot be made: an untitled buffer has no directory. */
    String UNSAVED = "save the document first: a receipt is written next to it";

    /**
     * The answer of an operation: {@code text} is the new document text (sign) or the receipt's
     * text (receipt), null on failure, with {@code message} saying why; {@code file} is where a
     * receipt goes.
     */
    record Outcome(String text, Path file, String message) {
        public static Outcome failed(String message) {
            return new Outcome(null, null, message);
        }
    }

    /** Signs the document (its path null for an unsaved buffer) and returns the signed text. */
    Outcome sign(Source document, Session session);

    /** Verifies the document's signature: valid / valid-untrusted / invalid / unsigned / malformed, or an error. */
    VerificationResult verify(Source document, Session session);

    /** Makes a `.mu` receipt of the document: its content and the file it should be written to. */
    Outcome receipt(Source document, Session session);
}
