package dev.maml.run;

import dev.maml.sign.DocumentVerifier;
import dev.maml.sign.Outcome;
import dev.maml.sign.TrustStore;
import dev.maml.sign.Verification;
import java.io.IOException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Step 2a: when the front matter has `verification`, the document's signature must be valid
 * (spec section 8) and by a trusted key, unless --allow-untrusted. Invalid, malformed and
 * missing signatures are refused (exit 3): a document that claims verification and cannot show it
 * is not run. A document without `verification` is not checked (the linter warns about it).
 */
final class SignatureGate {

    private SignatureGate() {
    }

    static void check(RunContext ctx) throws RunFailure {
        ObjectNode entry = ctx.result().putObject("document_signature");
        boolean declared = ctx.doc.optionalFrontMatter().flatMap(f -> f.mapping())
                .flatMap(m -> m.get("verification")).isPresent();
        if (!declared) {
            entry.put("outcome", "not-declared");
            return;
        }
        TrustStore trust;
        try {
            trust = TrustStore.standard(ctx.documentDir, ctx.request.trust());
        } catch (IOException e) {
            throw new RunFailure(RunFailure.INVALID, "--trust: " + Messages.of(e));
        }
        Verification v = DocumentVerifier.verify(ctx.doc, ctx.documentDir, trust, ctx.request.signaturePolicy());
        entry.put("outcome", v.outcome().label()).put("reason", v.reason());
        if (!trust.warnings().isEmpty()) {
            trust.warnings().forEach(entry.putArray("warnings")::add);
        }
        if (v.keyId() != null) {
            entry.put("key_id", v.keyId());
        }
        if (v.outcome() == Outcome.VALID) {
            return;
        }
        if (v.outcome() == Outcome.VALID_UNTRUSTED && ctx.request.allowUntrusted()) {
            entry.put("allowed_untrusted", true);
            return;
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
        throw new RunFailure(RunFailure.REFUSED, what + ": " + v.reason() + advice);
    }
}
