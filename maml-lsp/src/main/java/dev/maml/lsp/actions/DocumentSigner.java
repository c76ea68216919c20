package dev.maml.lsp.actions;

import java.nio.file.Path;
import java.util.List;

/**
 * What the "Sign document", "Verify signature" and "Create receipt" actions need from the signing
 * library (spec sections 8 and 9), kept to text in, text or a message out, so the language
 * server stays free of key handling. A server built without one does not offer these actions.
 */
public interface DocumentSigner {

    /** Why signing cannot start: no private key in the settings. */
    String NO_KEY = "no signing key configured: set the \"key\" setting to a private key made by maml keygen";
    /** Why a receipt cannot be made: an untitled buffer has no directory. */
    String UNSAVED = "save the document first: a receipt is written next to it";

    /**
     * The signing configuration, from the editor's settings, paths resolved against the server's
     * working directory. {@code key} is the private key (PEM PKCS#8), never read by the server itself.
     * {@code projectStores} false ignores project trust stores (an editor's untrusted workspace).
     */
    record Keys(Path key, Path publicKey, List<Path> trust, boolean projectStores) {
        public Keys {
            trust = List.copyOf(trust);
        }

        /** Keys that use the allowed project trust stores too. */
        public Keys(Path key, Path publicKey, List<Path> trust) {
            this(key, publicKey, trust, true);
        }
    }

    /**
     * The answer of an operation: {@code text} is the new document text (sign) or the receipt's
     * text (receipt), null on failure; {@code file} is where a receipt goes;
     * {@code message} says what happened, for the user.
     */
    record Outcome(String text, Path file, String message) {
        public static Outcome failed(String message) {
            return new Outcome(null, null, message);
        }
    }

    /** Signs the text of {@code document} (null for an unsaved buffer) and returns the signed text. */
    Outcome sign(String text, Path document, Keys keys);

    /** Verifies the signature of the text: valid / valid-untrusted / invalid / unsigned / malformed, or an error. */
    VerificationResult verify(String text, Path document, Keys keys);

    /** Makes a `.mu` receipt of the text: its content and the file it should be written to. */
    Outcome receipt(String text, Path document, Keys keys);
}
