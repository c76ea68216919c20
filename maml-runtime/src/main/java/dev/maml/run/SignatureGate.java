package dev.maml.run;

import dev.maml.io.FailureText;
import dev.maml.model.MamlDocument;
import dev.maml.sign.DocumentVerifier;
import dev.maml.sign.Outcome;
import dev.maml.sign.SignaturePolicy;
import dev.maml.sign.TrustStore;
import dev.maml.trust.UserConfig;
import dev.maml.sign.Verification;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Step 2a: when the front matter has `verification`, the document's signature must be valid
 * (spec section 8) and by a trusted key, unless --allow-untrusted. Invalid, malformed and
 * missing signatures are refused (exit 3): a document that claims verification and cannot show it
 * is not run. A document without `verification` is not checked (the linter warns about it). This
 * is the run's only signature verification (the lint gate leaves it out).
 */
final class SignatureGate {

    /** How a document's signature is checked; {@link DocumentVerifier} outside tests. */
    @FunctionalInterface
    interface Verifier {
        Verifier STANDARD = DocumentVerifier::verify;

        Verification verify(MamlDocument doc, Path documentDir, TrustStore trust, SignaturePolicy policy);
    }

    private SignatureGate() {
    }

    /**
     * What the signature check found, for `document_signature`.
     *
     * @param declared     whether the front matter has `verification`
     * @param verification the check's answer; null when there was none (not declared, or no trust store)
     * @param warnings     about allowed project trust stores that changed
     */
    record DocumentSignature(boolean declared, @Nullable Verification verification, List<String> warnings,
                             boolean allowedUntrusted) implements ResultPart {

        DocumentSignature {
            warnings = List.copyOf(warnings);
        }
    }

    static DocumentSignature check(RunContext ctx, MamlDocument doc, Verifier verifier) throws RunFailure {
        boolean declared = doc.optionalFrontMatter().flatMap(f -> f.mapping())
                .flatMap(m -> m.get("verification")).isPresent();
        if (!declared) {
            return new DocumentSignature(false, null, List.of(), false);
        }
        TrustStore trust;
        try {
            trust = TrustStore.standard(UserConfig.fromEnvironment(), ctx.documentDir(), ctx.request().trust());
        } catch (IOException e) {
            throw new RunFailure(RunFailure.INVALID, "--trust: " + FailureText.of(e),
                    new DocumentSignature(true, null, List.of(), false));
        }
        Verification v = verifier.verify(doc, ctx.documentDir(), trust, ctx.request().signaturePolicy());
        if (v.outcome() == Outcome.VALID) {
            return new DocumentSignature(true, v, trust.warnings(), false);
        }
        if (v.outcome() == Outcome.VALID_UNTRUSTED && ctx.request().allowUntrusted()) {
            return new DocumentSignature(true, v, trust.warnings(), true);
        }
        String advice = switch (v.outcome()) {
            case VALID_UNTRUSTED -> trust.advice() + "; trust the key (--trust KEY.pub, or allow a project store with"
                    + " maml trust allow DIR) or pass --allow-untrusted";
            case UNSIGNED -> "; sign it (`maml sign`) or remove the verification block";
            default -> "";
        };
        String what = switch (v.outcome()) {
            case VALID_UNTRUSTED -> "untrusted signature";
            case UNSIGNED -> "verification declared but the document is unsigned";
            default -> v.outcome().label() + " signature";
        };
        throw new RunFailure(RunFailure.REFUSED, what + ": " + v.reason() + advice,
                new DocumentSignature(true, v, trust.warnings(), false));
    }
}
